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
import { cancelElection } from '../officials/cancel-election.ts';
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
import { cancelBody } from './cancel-and-rehearsal-schemas.ts';
import { TRUSTEE_BODY_LIMIT } from './body-limits.ts';
import { limitKey } from './client-address.ts';
import { type RouteSpec, route } from './route-spec.ts';
import {
  appendedResponse,
  auditLogResponse,
  createElectionBody,
  createElectionResponse,
  credentialsBody,
  electionKeyBody,
  electionParams,
  openedResponse,
  postalBatchBody,
  postalReceivedBody,
  replaceBody,
  resultBody,
  trusteeMessageBody,
} from './schemas.ts';
import { Hex32, checkpointSchema } from '@scrutineer/record';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** The nominations document as text: the exact bytes to publish as nominations.json. */
const nominationsBody = z.strictObject({ document: z.string().min(1) });
const nominationsResponse = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  created: z.boolean(),
});

/** What an officer's action on one election states of its own. */
interface OfficerAction<B extends z.ZodType | undefined> {
  readonly url: string;
  readonly summary: string;
  readonly body?: B;
  readonly response: z.ZodType;
  /** Runs once the bearer is known to hold the election's admin key. */
  readonly act: (
    electionId: string,
    body: B extends z.ZodType ? z.infer<B> : undefined,
    reply: FastifyReply
  ) => Promise<unknown>;
}

/**
 * An officer's action on one election: POST under `/api/elections/:electionId`, 201 Created
 * (unless the action answers itself), the bearer checked against the election's admin key before
 * anything else runs.
 */
/**
 * An officials' key check with a per-address lockout and the alarm: an address with too many
 * failures this hour (sign-ins and key checks together, in the shared store) is refused before
 * the check, and every wrong key is a failure and a warning in the log (without the address).
 * The keys themselves are 256-bit random (`scrutineer election keygen`), so their SHA-256 needs
 * no salt or slow hash; this bounds online guessing and makes it visible.
 */
async function guarded(context: AppContext, ip: string, check: () => Promise<void>): Promise<void> {
  const key = limitKey(ip);
  if (await context.monitor.failedTooOften(key))
    throw new ServiceError(
      'request/rate-limited',
      'Too many failed key checks from this address; try again later.'
    );
  try {
    await check();
  } catch (error) {
    if (
      error instanceof ServiceError &&
      (error.code === 'auth/admin-required' || error.code === 'auth/operator-required')
    ) {
      await context.monitor.recordFailure(key);
      context.service.logger.warn({ refusal: error.code }, 'an official key check failed');
    }
    throw error;
  }
}

function officerActions(context: AppContext) {
  const { service } = context;
  return <B extends z.ZodType | undefined = undefined>({
    act,
    ...spec
  }: OfficerAction<B>): RouteSpec =>
    route({
      method: 'POST',
      audience: 'officer',
      params: electionParams,
      status: 201,
      ...spec,
      // The key is checked before the body is read (F8): an outsider's megabytes are never parsed.
      authorize: ({ params, bearer, ip }) =>
        guarded(context, ip, () => authorizeOfficer(service, params.electionId, bearer)),
      handler: async ({ params, body }, reply) => act(params.electionId, body, reply),
    });
}

export function officialRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  const officerAction = officerActions(context);
  return [
    route({
      method: 'POST',
      url: '/api/elections',
      summary: 'Create an election from a manifest draft; the board generates and fills in its key',
      audience: 'operator',
      body: createElectionBody,
      response: createElectionResponse,
      status: 201,
      authorize: ({ bearer, ip }) => {
        const hash = context.operatorKeyHash;
        if (hash === undefined) throw new ServiceError('auth/election-creation-disabled');
        return guarded(context, ip, () => {
          if (!bearerKeyMatches(bearer, hash)) throw new ServiceError('auth/operator-required');
          return Promise.resolve();
        });
      },
      handler: async ({ body }) => {
        return createElection(service, { draft: body.manifest, adminKeyHash: body.adminKeyHash });
      },
    }),
    officerAction({
      url: '/api/elections/:electionId/election-key',
      summary: 'Publish the election key after the ceremony (election-key event)',
      body: electionKeyBody,
      response: appendedResponse,
      act: (electionId, body) => postElectionKey(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/credentials',
      summary:
        'Load a batch of ≤ 10,000 credentials: keys on the board, answer hashes and pack ids in the database',
      body: credentialsBody,
      response: appendedResponse,
      act: (electionId, body) => loadCredentials(service, electionId, body.credentials),
    }),
    officerAction({
      url: '/api/elections/:electionId/open',
      summary:
        'Open voting: the board computes the credential list hash and base hash (election-open)',
      response: openedResponse,
      act: (electionId) => openElection(service, electionId),
    }),
    officerAction({
      url: '/api/elections/:electionId/close',
      summary: 'Close voting (election-close) and sign a checkpoint',
      response: appendedResponse,
      act: (electionId) => closeElection(service, electionId),
    }),
    officerAction({
      url: '/api/elections/:electionId/credentials/replace',
      summary:
        "Post a replacement pack the registrar approved: revoke a credential on the board and add the new one (refused without the registrar's approval, over the manifest's limit or too close to the close)",
      body: replaceBody,
      response: appendedResponse,
      act: (electionId, body) => replaceCredential(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/postal/received',
      summary:
        'Record a returned postal pack (by credential key or pack id, with its return secret) while voting is open; refused if it voted online',
      body: postalReceivedBody,
      response: appendedResponse,
      act: (electionId, body) => recordPostalReceived(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/postal/batches',
      summary: 'Publish the counts of a batch of postal papers (postal-batch)',
      body: postalBatchBody,
      response: appendedResponse,
      act: (electionId, body) => postPostalBatch(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/tally',
      summary:
        "After close: the board sums the counted ballots' ciphertexts (encrypted-tally) and seals it with a checkpoint, which the officer announces to the trustees (spec §8.2)",
      response: appendedResponse.extend({
        ballots: z.number().int(),
        checkpoint: z.strictObject({ size: z.number().int(), root: Hex32 }),
      }),
      act: (electionId) => postEncryptedTally(service, electionId),
    }),
    officerAction({
      url: '/api/elections/:electionId/result',
      summary:
        'Publish the result (election-result) once at least k decryption shares are on the board',
      body: resultBody,
      response: appendedResponse,
      act: (electionId, body) => postResult(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/cancel',
      summary:
        'Cancel an election that cannot complete (election-cancelled, with a public reason); nothing is accepted after it',
      body: cancelBody,
      response: appendedResponse,
      act: (electionId, body) => cancelElection(service, electionId, body),
    }),
    officerAction({
      url: '/api/elections/:electionId/checkpoints',
      summary: 'Sign a checkpoint of the board now',
      response: checkpointSchema,
      act: async (electionId) => {
        const checkpoint = await signCheckpoint(service, electionId);
        await writeAuditLog(service.database, electionId, 'officer', 'checkpoint', {
          size: checkpoint?.size ?? 0,
        });
        if (checkpoint === null) throw new ServiceError('board/no-checkpoint');
        return checkpoint;
      },
    }),
    officerAction({
      url: '/api/elections/:electionId/nominations',
      summary:
        "Publish nominations.json (spec §9.2.6): canonical, hashing to the manifest's nominations.hash; once (201, then 200 for the same bytes)",
      body: nominationsBody,
      response: nominationsResponse,
      act: async (electionId, body, reply) => {
        const published = await publishNominations(service, electionId, body.document);
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
      authorize: ({ params, bearer, ip }) =>
        guarded(context, ip, () => authorizeOfficer(service, params.electionId, bearer)),
      handler: async ({ params }) => {
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
      // Authenticated by the signature inside the body, so the body must be read: it is held to
      // what the largest trustee message needs, and the election must exist, before reading.
      bodyLimit: TRUSTEE_BODY_LIMIT,
      authorize: async ({ params }) => {
        await service.elections.get(params.electionId);
      },
      handler: async ({ params, body }) =>
        postTrusteeMessage(service, params.electionId, body.type, body.body),
    }),
  ];
}
