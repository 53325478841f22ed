/**
 * @module The officials' endpoints. The server's operator creates elections; the returning
 * officer of an election publishes the election key, loads credentials, opens, closes, records
 * postal returns and batches, replaces packs, runs the tally, publishes the result and the
 * nominations document, and reads the audit log; trustees post their own signed messages.
 */
import { checkpointSchema, eventBodySchemas } from '@scrutineer/record';
import { endpoint } from './endpoint.ts';
import {
  appendedResponse,
  auditLogResponse,
  createElectionBody,
  createElectionResponse,
  credentialsBody,
  electionKeyBody,
  electionParams,
  nominationsBody,
  nominationsResponse,
  openedResponse,
  replaceBody,
  resultBody,
  tallyResponse,
  trusteeMessageBody,
} from './schemas.ts';
import {
  postalBatchBody,
  postalEnvelopeBatchesResponse,
  postalEnvelopesBody,
  postalEnvelopesResponse,
  postalReceivedBody,
} from './postal-schemas.ts';

/** An officer's action on one election: a POST under the election, 201 Created. */
export const officerAction = {
  method: 'POST',
  audience: 'officer',
  params: electionParams,
  status: 201,
} as const;

export const officialEndpoints = {
  createElection: endpoint({
    method: 'POST',
    path: '/api/elections',
    summary: 'Create an election from a manifest draft; the board generates and fills in its key',
    audience: 'operator',
    body: createElectionBody,
    response: createElectionResponse,
    status: 201,
    errors: ['election/exists', 'election/invalid-manifest', 'election/board-key-supplied'],
  }),
  postElectionKey: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/election-key',
    summary: 'Publish the election key after the ceremony (election-key event)',
    body: electionKeyBody,
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'election/invalid-election-key',
      'election/key-not-from-ceremony',
      'election/ceremony-not-concluded',
    ],
  }),
  loadCredentials: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/credentials',
    summary:
      'Load a batch of ≤ 10,000 credentials: keys on the board, answer hashes and pack ids in the database',
    body: credentialsBody,
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'election/credential-count-mismatch',
      'credential/duplicate',
      'credential/invalid-key',
      'credential/invalid-answers-hash',
      'credential/missing-return-commitment',
      'credential/unexpected-return-commitment',
    ],
  }),
  open: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/open',
    summary:
      'Open voting: the board computes the credential list hash and base hash (election-open)',
    response: openedResponse,
    errors: ['election/wrong-stage', 'election/credential-count-mismatch'],
  }),
  close: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/close',
    summary: 'Close voting (election-close) and sign a checkpoint',
    response: appendedResponse,
    errors: ['election/wrong-stage'],
  }),
  replaceCredential: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/credentials/replace',
    summary:
      "Post a replacement pack the registrar approved: revoke a credential on the board and add the new one (refused without the registrar's approval, over the manifest's limit or too close to the close)",
    body: replaceBody,
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'credential/not-found',
      'credential/already-used',
      'credential/revoked',
      'credential/duplicate',
      'credential/invalid-key',
      'credential/invalid-answers-hash',
      'credential/missing-return-commitment',
      'credential/unexpected-return-commitment',
      'replacement/not-allowed',
      'replacement/limit-reached',
      'replacement/too-close-to-close',
      'replacement/invalid-approval',
    ],
  }),
  postalReceived: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/postal/received',
    summary:
      'Record a returned postal pack (its credential key and return secret, from the return slip) while voting is open; refused if it voted online',
    body: postalReceivedBody,
    response: appendedResponse,
    errors: [
      'election/channel-not-offered',
      'election/not-open',
      'credential/not-found',
      'credential/revoked',
      'postal/credential-used-online',
      'postal/already-received',
      'postal/after-close',
      'postal/wrong-return-secret',
    ],
  }),
  postalEnvelopes: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/postal/envelopes',
    summary:
      "A scanning station's upload of returned envelopes (up to 1,000 return slips, each with its opening batch and scan time) while voting is open: each envelope received once, a repeat answered already-received and changing nothing (safe to retry), refusals named (and published when the credential voted online or was replaced)",
    body: postalEnvelopesBody,
    response: postalEnvelopesResponse,
    status: 200,
    errors: ['election/channel-not-offered', 'election/not-open', 'postal/after-close'],
  }),
  postalBatch: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/postal/batches',
    summary: 'Publish the counts of a batch of postal papers (postal-batch)',
    body: postalBatchBody,
    response: appendedResponse,
    errors: [
      'election/wrong-stage',
      'election/channel-not-offered',
      'postal/duplicate-batch',
      'postal/invalid-batch',
      'postal/invalid-ranking',
      'postal/unknown-batch',
      'postal/more-papers-than-envelopes',
      'postal/missing-style',
      'postal/unknown-style',
      'postal/style-not-in-manifest',
      'postal/contest-not-in-style',
      'postal/more-papers-than-style-returns',
    ],
  }),
  cancel: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/cancel',
    summary:
      'Cancel an election that cannot complete (election-cancelled, with a public reason); nothing is accepted after it',
    body: eventBodySchemas['election-cancelled'],
    response: appendedResponse,
    errors: ['election/wrong-stage'],
  }),
  tally: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/tally',
    summary:
      "After close: the board sums the counted ballots' ciphertexts (encrypted-tally) and seals it with a checkpoint, which the officer announces to the trustees (spec §8.2)",
    response: tallyResponse,
    errors: ['election/wrong-stage'],
  }),
  publishResult: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/result',
    summary:
      'Publish the result (election-result) once at least k decryption shares are on the board',
    body: resultBody,
    response: appendedResponse,
    errors: ['election/wrong-stage', 'election/nothing-counted'],
  }),
  signCheckpoint: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/checkpoints',
    summary: 'Sign a checkpoint of the board now',
    response: checkpointSchema,
    errors: ['board/no-checkpoint'],
  }),
  publishNominations: endpoint({
    ...officerAction,
    path: '/api/elections/:electionId/nominations',
    summary:
      "Publish nominations.json (spec §9.2.6): canonical, hashing to the manifest's nominations.hash; once (201, then 200 for the same bytes)",
    body: nominationsBody,
    response: nominationsResponse,
    alsoStatus: [200],
    errors: [
      'nominations/not-named',
      'nominations/not-canonical',
      'nominations/hash-mismatch',
      'nominations/invalid-document',
      'nominations/already-published',
    ],
  }),
  postalEnvelopeBatches: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/postal/envelope-batches',
    summary:
      'How many returned envelopes went into each opening batch (counts only; which envelope is in which batch is never shown)',
    audience: 'officer',
    params: electionParams,
    response: postalEnvelopeBatchesResponse,
    errors: [],
  }),
  auditLog: endpoint({
    method: 'GET',
    path: '/api/elections/:electionId/audit-log',
    summary: "The officials' audit log of this election",
    audience: 'officer',
    params: electionParams,
    response: auditLogResponse,
    errors: [],
  }),
  trusteeMessage: endpoint({
    method: 'POST',
    path: '/api/elections/:electionId/trustee-messages',
    summary:
      "A trustee's signed ceremony message or decryption share (authenticated by its signature)",
    audience: 'trustee',
    params: electionParams,
    body: trusteeMessageBody,
    response: appendedResponse,
    status: 201,
    errors: [
      'election/wrong-stage',
      'trustee/wrong-type',
      'trustee/duplicate-message',
      'trustee/not-qualified',
      'trustee/unknown-checkpoint',
      'trustee/checkpoint-before-tally',
      'trustee/wrong-share-count',
      'trustee/invalid-share-proof',
      'ceremony/invalid-commitments',
      'ceremony/invalid-shares',
      'ceremony/complaint-without-share',
      'ceremony/complaint-proof-invalid',
    ],
  }),
} as const;
