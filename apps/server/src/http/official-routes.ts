/**
 * @module The officials' API. The server operator creates elections (operator key); the returning
 * officer of an election (its admin key) publishes the election key, loads credentials, opens,
 * closes, records postal returns and batches, replaces packs, runs the tally, publishes the
 * result and uploads the nominations document the manifest names; trustees post their own signed
 * messages. Every action is a board event or an audit-log
 * row (most are both).
 */
import { bearerKeyMatches } from '../auth/secret-compare.ts';
import { signCheckpoint } from '../board/checkpoints.ts';
import { createElection } from '../elections/create-election.ts';
import { ServiceError } from '../http-errors.ts';
import { readAuditLog, writeAuditLog } from '../officials/audit-log.ts';
import { publishNominations } from '../officials/nominations-file.ts';
import { authorizeOfficer } from '../officials/officer-auth.ts';
import { postPostalBatch, recordPostalReceived } from '../officials/postal.ts';
import { replaceCredential } from '../officials/replace-credential.ts';
import {
  closeElection,
  loadCredentials,
  openElection,
  postElectionKey,
} from '../officials/setup-steps.ts';
import { postEncryptedTally, postResult } from '../officials/tally.ts';
import { postTrusteeMessage } from '../officials/trustee-messages.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, route } from './route-spec.ts';
import {
  appendedResponse,
  auditLogResponse,
  createElectionBody,
  createElectionResponse,
  credentialReference,
  credentialsBody,
  electionKeyBody,
  electionParams,
  openedResponse,
  postalBatchBody,
  replaceBody,
  resultBody,
  trusteeMessageBody,
} from './schemas.ts';
import { checkpointSchema } from '@scrutineer/record';
import { z } from 'zod';

/** The nominations document as text: the exact bytes to publish as nominations.json. */
const nominationsBody = z.strictObject({ document: z.string().min(1) });
const nominationsResponse = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  created: z.boolean(),
});

export function officialRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  const officer = (electionId: string, bearer: string | undefined): Promise<void> =>
    authorizeOfficer(service, electionId, bearer);
  return [
    route({
      method: 'POST',
      url: '/api/elections',
      summary: 'Create an election from a manifest draft; the board generates and fills in its key',
      audience: 'operator',
      body: createElectionBody,
      response: createElectionResponse,
      status: 201,
      handler: async ({ body, bearer }) => {
        if (context.operatorKeyHash === undefined)
          throw new ServiceError('auth/election-creation-disabled');
        if (!bearerKeyMatches(bearer, context.operatorKeyHash))
          throw new ServiceError('auth/operator-required');
        return createElection(service, { draft: body.manifest, adminKeyHash: body.adminKeyHash });
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/election-key',
      summary: 'Publish the election key after the ceremony (election-key event)',
      audience: 'officer',
      params: electionParams,
      body: electionKeyBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return postElectionKey(service, params.electionId, body);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/credentials',
      summary:
        'Load a batch of ≤ 10,000 credentials: keys on the board, answer hashes and pack ids in the database',
      audience: 'officer',
      params: electionParams,
      body: credentialsBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return loadCredentials(service, params.electionId, body.credentials);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/open',
      summary:
        'Open voting: the board computes the credential list hash and base hash (election-open)',
      audience: 'officer',
      params: electionParams,
      response: openedResponse,
      status: 201,
      handler: async ({ params, bearer }) => {
        await officer(params.electionId, bearer);
        return openElection(service, params.electionId);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/close',
      summary: 'Close voting (election-close) and sign a checkpoint',
      audience: 'officer',
      params: electionParams,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, bearer }) => {
        await officer(params.electionId, bearer);
        return closeElection(service, params.electionId);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/credentials/replace',
      summary: 'Issue a replacement pack: revoke a credential on the board and add the new one',
      audience: 'officer',
      params: electionParams,
      body: replaceBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return replaceCredential(service, params.electionId, body.revoke, body.replacement);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/postal/received',
      summary:
        'Record a returned postal pack (by credential key or pack id); refused if it voted online',
      audience: 'officer',
      params: electionParams,
      body: credentialReference,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return recordPostalReceived(service, params.electionId, body);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/postal/batches',
      summary: 'Publish the counts of a batch of postal papers (postal-batch)',
      audience: 'officer',
      params: electionParams,
      body: postalBatchBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return postPostalBatch(service, params.electionId, body);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/tally',
      summary: "After close: the board sums the counted ballots' ciphertexts (encrypted-tally)",
      audience: 'officer',
      params: electionParams,
      response: appendedResponse.extend({ ballots: z.number().int() }),
      status: 201,
      handler: async ({ params, bearer }) => {
        await officer(params.electionId, bearer);
        return postEncryptedTally(service, params.electionId);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/result',
      summary:
        'Publish the result (election-result) once at least k decryption shares are on the board',
      audience: 'officer',
      params: electionParams,
      body: resultBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body, bearer }) => {
        await officer(params.electionId, bearer);
        return postResult(service, params.electionId, body);
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/checkpoints',
      summary: 'Sign a checkpoint of the board now',
      audience: 'officer',
      params: electionParams,
      response: checkpointSchema,
      status: 201,
      handler: async ({ params, bearer }) => {
        await officer(params.electionId, bearer);
        const checkpoint = await signCheckpoint(service, params.electionId);
        await writeAuditLog(service.database, params.electionId, 'officer', 'checkpoint', {
          size: checkpoint?.size ?? 0,
        });
        if (checkpoint === null) throw new ServiceError('board/no-checkpoint');
        return checkpoint;
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/nominations',
      summary:
        "Publish nominations.json (spec §9.2.6): canonical, hashing to the manifest's nominations.hash; once (201, then 200 for the same bytes)",
      audience: 'officer',
      params: electionParams,
      body: nominationsBody,
      response: nominationsResponse,
      status: 201,
      handler: async ({ params, body, bearer }, reply) => {
        await officer(params.electionId, bearer);
        const published = await publishNominations(service, params.electionId, body.document);
        reply.code(published.created ? 201 : 200);
        return reply.send(published);
      },
    }),
    route({
      method: 'GET',
      url: '/api/elections/:electionId/audit-log',
      summary: "The officials' audit log of this election",
      audience: 'officer',
      params: electionParams,
      response: auditLogResponse,
      handler: async ({ params, bearer }) => {
        await officer(params.electionId, bearer);
        return { entries: await readAuditLog(service.database, params.electionId) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/elections/:electionId/trustee-messages',
      summary:
        "A trustee's signed ceremony message or decryption share (authenticated by its signature)",
      audience: 'trustee',
      params: electionParams,
      body: trusteeMessageBody,
      response: appendedResponse,
      status: 201,
      handler: async ({ params, body }) =>
        postTrusteeMessage(service, params.electionId, body.type, body.body),
    }),
  ];
}
