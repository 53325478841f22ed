/**
 * @module The booth's calls to its own server (same origin only, CSP connect-src 'self'), through
 * the contract's client (@scrutineer/api-contract): each answer is parsed with its endpoint's
 * schema and each refusal is an {@link ApiError} with the catalogue's code. The session token is
 * held in memory by the caller and sent as a bearer header, never in a URL.
 */
import { apiClient } from '@scrutineer/api-contract';
import { apiOrigin } from './api-origin.ts';
import type { AuditedBallot, Ballot } from '@scrutineer/record';
import type { ReceiptData } from './worker-protocol.ts';

export {
  ApiError,
  type ApiErrorCode,
  type ConsistencyProof,
  type CredentialReport,
  type ElectionList,
  type ElectionResult,
  type ElectionSummary,
  type HourlyTurnout,
  type EventLine,
  type EventPage as BoardPage,
  type InclusionProof,
  type TrackerReport,
  type Turnout,
} from '@scrutineer/api-contract';

// The booth's own origin, or the board's when the booth is built for a mirror (spec §10.7.4).
const client = apiClient({
  baseUrl: apiOrigin(),
  init: { credentials: 'omit', cache: 'no-store' },
});
const election = (electionId: string) => ({ electionId });

export const api = {
  summary: (id: string) => client.call('summary', { params: election(id) }),
  manifest: (id: string) => client.call('manifest', { params: election(id) }),
  events: (id: string, from: number, limit: number) =>
    client.call('events', { params: election(id), query: { from, limit } }),
  challenge: (id: string) => client.call('challenge', { params: election(id) }),
  signIn: (
    id: string,
    body: {
      credential: string;
      answers: Record<string, string>;
      challenge: string;
      signature: string;
    }
  ) => client.call('signIn', { params: election(id), body }),
  me: (id: string, token: string, purpose?: 'pack-check') =>
    client.call('me', {
      params: election(id),
      query: purpose === undefined ? {} : { purpose },
      token,
    }),
  cast: (id: string, token: string, ballot: Ballot) =>
    client.call('cast', { params: election(id), token, body: { ballot } }),
  /** Sent without the session (spec §9.4): the board must not learn whose device was checked. */
  audit: (id: string, audited: AuditedBallot) =>
    client.call('audit', { params: election(id), body: { audited } }),
  tracker: (id: string, tracker: string) =>
    client.call('tracker', { params: { electionId: id, tracker } }),
  event: (id: string, position: number) =>
    client.call('event', { params: { electionId: id, position } }),
  checkpoints: (id: string, from: number, limit: number) =>
    client.call('checkpoints', { params: election(id), query: { from, limit } }),
  inclusion: (id: string, position: number) =>
    client.call('inclusionProof', { params: election(id), query: { position } }),
  consistency: (id: string, from: number, to: number) =>
    client.call('consistencyProof', { params: election(id), query: { from, to } }),
  cosignatures: (id: string, size: number) =>
    client.call('cosignatures', { params: election(id), query: { from: size, to: size } }),
  dispute: (id: string, receipt: ReceiptData) =>
    client.call('dispute', { params: election(id), body: { receipt } }),
  turnout: (id: string) => client.call('turnout', { params: election(id) }),
  result: (id: string) => client.call('result', { params: election(id) }),
  hourlyTurnout: (id: string) => client.call('hourlyTurnout', { params: election(id) }),
  declaration: (id: string) => client.call('declaration', { params: election(id) }),
  elections: () => client.call('elections', {}),
};
