/**
 * @module The console's calls to its own server, through the contract's typed client as the CLI's
 * server-client.ts makes them: the same endpoint names, bodies and order (apps/cli's
 * election-actions.ts), so the console can do nothing the API does not let the CLI do. The
 * officer's key is passed in by the caller (held in the page) and sent only as the bearer header.
 */
import { type BodyOf, type Endpoints, apiClient } from '@scrutineer/api-contract';
import type { EventBody } from '@scrutineer/record';

export { ApiError, type ApiErrorCode } from '@scrutineer/api-contract';

const client = apiClient({ init: { credentials: 'omit', cache: 'no-store' } });

/** Every officer request names the election and carries the key as `Authorization: Bearer`. */
const asOfficer = (electionId: string, key: string) => ({ params: { electionId }, token: key });
const election = (electionId: string) => ({ params: { electionId } });

/** A key to load, with what the board publishes beside it (spec §9.5, §13.1.1). */
export interface CredentialEntry {
  key: string;
  answersHash: string;
  returnCommitment?: string;
  style?: string;
  weight?: number;
}

export const consoleApi = {
  // Public reads (the same the CLI's ServerClient makes).
  summary: (id: string) => client.call('summary', election(id)),
  manifest: (id: string) => client.call('manifest', election(id)),
  events: (id: string, from: number, limit: number) =>
    client.call('events', { ...election(id), query: { from, limit } }),
  turnout: (id: string) => client.call('turnout', election(id)),
  hourlyTurnout: (id: string) => client.call('hourlyTurnout', election(id)),
  checkpoints: (id: string) => client.call('recordCheckpoints', election(id)),
  // The operator's one call: `scrutineer election create`.
  createElection: (operatorKey: string, manifest: Record<string, unknown>, adminKeyHash: string) =>
    client.call('createElection', { token: operatorKey, body: { manifest, adminKeyHash } }),
  // The officer's calls.
  auditLog: (id: string, key: string) => client.call('auditLog', asOfficer(id, key)),
  publishNominations: (id: string, key: string, document: string) =>
    client.call('publishNominations', { ...asOfficer(id, key), body: { document } }),
  postElectionKey: (id: string, key: string, body: EventBody<'election-key'>) =>
    client.call('postElectionKey', { ...asOfficer(id, key), body }),
  loadCredentials: (id: string, key: string, credentials: CredentialEntry[]) =>
    client.call('loadCredentials', { ...asOfficer(id, key), body: { credentials } }),
  open: (id: string, key: string) => client.call('open', asOfficer(id, key)),
  close: (id: string, key: string) => client.call('close', asOfficer(id, key)),
  tally: (id: string, key: string) => client.call('tally', asOfficer(id, key)),
  publishResult: (id: string, key: string, body: EventBody<'election-result'>) =>
    client.call('publishResult', { ...asOfficer(id, key), body }),
  // `scrutineer election cancel` and `election replace`.
  cancel: (id: string, key: string, reason: string) =>
    client.call('cancel', { ...asOfficer(id, key), body: { reason } }),
  replaceCredential: (id: string, key: string, body: BodyOf<Endpoints['replaceCredential']>) =>
    client.call('replaceCredential', { ...asOfficer(id, key), body }),
  // `scrutineer postal receive` (one slip, or a scanner's file) and `postal batch`.
  postalReceived: (id: string, key: string, body: BodyOf<Endpoints['postalReceived']>) =>
    client.call('postalReceived', { ...asOfficer(id, key), body }),
  postalEnvelopes: (id: string, key: string, body: BodyOf<Endpoints['postalEnvelopes']>) =>
    client.call('postalEnvelopes', { ...asOfficer(id, key), body }),
  postalBatch: (id: string, key: string, body: BodyOf<Endpoints['postalBatch']>) =>
    client.call('postalBatch', { ...asOfficer(id, key), body }),
  // `scrutineer postal envelopes`: envelopes received per opening batch (counts only).
  postalEnvelopeBatches: (id: string, key: string) =>
    client.call('postalEnvelopeBatches', asOfficer(id, key)),
  // `scrutineer postal audit status` (public), `commit`, `start`, `reveal`, `sample [--full]`,
  // `count` (a sampled batch's hand count) and `end`.
  postalAuditStatus: (id: string) => client.call('postalAuditStatus', election(id)),
  postalAuditCommit: (id: string, key: string, body: BodyOf<Endpoints['postalAuditCommit']>) =>
    client.call('postalAuditCommit', { ...asOfficer(id, key), body }),
  postalAuditStart: (id: string, key: string, body: BodyOf<Endpoints['postalAuditStart']>) =>
    client.call('postalAuditStart', { ...asOfficer(id, key), body }),
  postalAuditReveal: (id: string, key: string, body: BodyOf<Endpoints['postalAuditReveal']>) =>
    client.call('postalAuditReveal', { ...asOfficer(id, key), body }),
  postalAuditSample: (id: string, key: string, full: boolean) =>
    client.call('postalAuditSample', { ...asOfficer(id, key), body: { full } }),
  postalAuditCount: (id: string, key: string, body: BodyOf<Endpoints['postalAuditCount']>) =>
    client.call('postalAuditCount', { ...asOfficer(id, key), body }),
  postalAuditEnd: (id: string, key: string) => client.call('postalAuditEnd', asOfficer(id, key)),
};
