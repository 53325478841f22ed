/**
 * @module The officials' API. The server operator creates elections (operator key); the returning
 * officer of an election (its admin key) publishes the election key, loads credentials, opens,
 * closes, records postal returns and batches, replaces packs, runs the tally, publishes the
 * result and uploads the nominations document the manifest names; trustees post their own signed
 * messages. Every action is a board event or an audit-log row (most are both). Who may call each
 * is the contract's audience, checked before the body is read (audiences.ts).
 */
import { signCheckpoint } from '../board/checkpoints.ts';
import { createElection } from '../elections/create-election.ts';
import { ServiceError } from '../http-errors.ts';
import { readAuditLog, writeAuditLog } from '../officials/audit-log.ts';
import { cancelElection } from '../officials/cancel-election.ts';
import { publishNominations } from '../officials/nominations-file.ts';
import { postPostalBatch, recordPostalReceived } from '../officials/postal.ts';
import { envelopesPerBatch, receiveEnvelopes } from '../officials/postal-intake.ts';
import { replaceCredential } from '../officials/replace-credential.ts';
import {
  closeElection,
  loadCredentials,
  openElection,
  postElectionKey,
} from '../officials/setup-steps.ts';
import { postEncryptedTally, postResult } from '../officials/tally.ts';
import {
  postMix,
  postRankedResult,
  postRankedShares,
  postRankings,
} from '../officials/ranked/ranked-phase.ts';
import { postTrusteeMessage } from '../officials/trustee-messages.ts';
import type { AppContext } from './app-context.ts';
import { TRUSTEE_BODY_LIMIT } from './body-limits.ts';
import { type RouteSpec, implement } from './route-spec.ts';

export function officialRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  const ranked = { bodyLimit: context.rankedStaging.request };
  return [
    implement('createElection', ({ body }) =>
      createElection(service, { draft: body.manifest, adminKeyHash: body.adminKeyHash })
    ),
    implement('postElectionKey', ({ params, body }) =>
      postElectionKey(service, params.electionId, body)
    ),
    implement('loadCredentials', ({ params, body }) =>
      loadCredentials(service, params.electionId, body.credentials)
    ),
    implement('open', ({ params }) => openElection(service, params.electionId)),
    implement('close', ({ params }) => closeElection(service, params.electionId)),
    implement('replaceCredential', ({ params, body }) =>
      replaceCredential(service, params.electionId, body)
    ),
    implement('postalReceived', ({ params, body }) =>
      recordPostalReceived(service, params.electionId, body)
    ),
    implement('postalEnvelopes', async ({ params, body }) => {
      const outcomes = await receiveEnvelopes(service, params.electionId, body.envelopes);
      return {
        received: outcomes.filter((o) => o.outcome === 'received').length,
        alreadyReceived: outcomes.filter((o) => o.outcome === 'already-received').length,
        refused: outcomes.filter((o) => o.outcome === 'refused').length,
        outcomes,
      };
    }),
    implement('postalBatch', ({ params, body }) =>
      postPostalBatch(service, params.electionId, body)
    ),
    implement('tally', ({ params }) => postEncryptedTally(service, params.electionId)),
    implement('cancel', ({ params, body }) => cancelElection(service, params.electionId, body)),
    implement('publishResult', ({ params, body }) => postResult(service, params.electionId, body)),
    implement('signCheckpoint', async ({ params }) => {
      const checkpoint = await signCheckpoint(service, params.electionId);
      await writeAuditLog(service.database, params.electionId, 'officer', 'checkpoint', {
        size: checkpoint?.size ?? 0,
      });
      if (checkpoint === null) throw new ServiceError('board/no-checkpoint');
      return checkpoint;
    }),
    implement('publishNominations', async ({ params, body }, reply) => {
      const published = await publishNominations(service, params.electionId, body.document);
      reply.code(published.created ? 201 : 200);
      return published;
    }),
    implement('postalEnvelopeBatches', async ({ params }) => ({
      batches: await envelopesPerBatch(service.database, params.electionId),
    })),
    implement('auditLog', async ({ params }) => ({
      entries: await readAuditLog(service.database, params.electionId),
    })),
    implement(
      'trusteeMessage',
      ({ params, body }) => postTrusteeMessage(service, params.electionId, body.type, body.body),
      { bodyLimit: TRUSTEE_BODY_LIMIT }
    ),
    implement('postMix', ({ params, body }) => postMix(service, params.electionId, body), ranked),
    implement(
      'postRankedShares',
      ({ params, body }) => postRankedShares(service, params.electionId, body),
      ranked
    ),
    implement(
      'postRankings',
      ({ params, body }) => postRankings(service, params.electionId, body),
      ranked
    ),
    implement('postRankedResult', ({ params, body }) =>
      postRankedResult(service, params.electionId, body)
    ),
  ];
}
