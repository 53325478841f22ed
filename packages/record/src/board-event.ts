/**
 * @module Board events (spec §9.5): the typed lines of the append-only, hash-chained board log.
 * The envelope is checked here; bodies are checked against the schema of their type. Whether a
 * body is *true* (proofs, counts, policy) is the verifier's job.
 */
import { z } from 'zod';
import { bytesToHex, sha256 } from '@scrutineer/crypto';
import { auditedBallotSchema, ballotSchema } from './ballot.ts';
import { canonicalBytes } from './canonical-json.ts';
import { REPLACEMENT_REASONS } from './credential-replacement.ts';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import { instantSchema } from './instant.ts';
import { manifestSchema } from './manifest.ts';
import { rankedResultBodySchema } from './ranked-result.ts';
import {
  mixBodySchema,
  rankedDecryptionShareBodySchema,
  rankedRankingsBodySchema,
} from './ranked-events.ts';
import { receiptSchema } from './signed-statements.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';

const index = z.number().int().min(1).max(100);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const options = <T extends z.ZodType>(item: T) =>
  z.array(z.strictObject({ options: z.array(item).max(50) })).max(20);

const batchId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
/** A ballot-style category id (spec §13.1). */
const categoryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);
/**
 * A batch of postal papers counted: as the officer reported it, or as the audit found it. A ranked
 * contest's entry has no counts and carries `rankings`, one per valid paper (spec §11.8 "Postal
 * papers", V10.7 says what they must be).
 */
const postalCountsSchema = z.strictObject({
  batch: batchId,
  papers: count,
  spoilt: count,
  contests: z
    .array(
      z.strictObject({
        counts: z.array(count).max(50),
        rankings: z
          .array(z.array(z.number().int().min(1).max(50)).max(50))
          .max(100_000)
          .optional(),
      })
    )
    .max(20),
  // Spec §13.2.1: with ballot styles, the one style of the batch's papers (V12.5).
  style: categoryId.optional(),
  // Spec §13.2.1 step 6: with weights, the one weight class of the batch's papers (V12.7).
  weight: z.number().int().min(1).max(1_000_000).optional(),
});
/** An observer of the postal audit (spec §9.8.2): a name people read, ASCII. */
const observerName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/);

/** Spec §9.5: one schema per event type. */
export const eventBodySchemas = {
  'election-setup': manifestSchema,
  'trustee-commitments': z.strictObject({
    trustee: index,
    commitments: z.array(hexBytes(32)).min(1).max(100),
    proof: hexBytes(64),
    signature: hexBytes(64),
  }),
  'trustee-shares': z.strictObject({
    trustee: index,
    shares: z
      .array(
        z.strictObject({ recipient: index, ephemeral: hexBytes(32), ciphertext: hexBytes(48) })
      )
      .max(100),
    signature: hexBytes(64),
  }),
  'trustee-complaint': z.strictObject({
    trustee: index,
    dealer: index,
    sharedPoint: hexBytes(32),
    proof: hexBytes(96),
    signature: hexBytes(64),
  }),
  'election-key': z.strictObject({
    qualified: z.array(index).min(1).max(100),
    publicKey: hexBytes(32),
    verificationKeys: z.array(hexBytes(32)).min(1).max(100),
  }),
  // `returns` (postal return commitments, aligned with `keys`) is present iff the manifest's
  // postal channel is on (spec §9.5, V6.5): the schema cannot see the manifest, the checks do.
  credentials: z.strictObject({
    keys: z.array(hexBytes(32)).min(1).max(10_000),
    returns: z.array(hexBytes(32)).min(1).max(10_000).optional(),
    // Spec §13.1, §13.4: each key's ballot style (category id) and weight, aligned with `keys`,
    // present iff the manifest has `styles` / `weights` (V12.1).
    styles: z.array(categoryId).min(1).max(10_000).optional(),
    weights: z.array(z.number().int().min(1).max(1_000_000)).min(1).max(10_000).optional(),
  }),
  'election-open': z.strictObject({
    baseHash: hexBytes(32),
    credentialCount: count,
    credentialListHash: hexBytes(32),
  }),
  'ballot-cast': z.strictObject({ ballot: ballotSchema, tracker: hexBytes(32) }),
  'ballot-audited': auditedBallotSchema,
  // Spec §9.5: `approval` is the registrar's signature over the rest (credential-replacement.ts);
  // `return` the new pack's postal return commitment (§9.5.3).
  'credential-replaced': z.strictObject({
    revoked: hexBytes(32),
    replacement: hexBytes(32),
    return: hexBytes(32).optional(),
    reason: z.enum(REPLACEMENT_REASONS),
    approval: hexBytes(64),
  }),
  'postal-received': z.strictObject({ credential: hexBytes(32), returnSecret: hexBytes(16) }),
  'cast-refused': z.strictObject({
    credential: hexBytes(32),
    channel: z.enum(['online', 'postal']),
    reason: z.enum(['already-voted-online', 'already-voted-by-post', 'credential-revoked']),
  }),
  'postal-batch': postalCountsSchema,
  // The postal risk-limiting audit (spec §9.8): observers' seeds committed, the start (with the
  // risk limit, in percent), the seeds revealed, each round's sample, each sampled batch's hand
  // count, and the end. Whether each is the one the procedure demands is V6.6–V6.8's.
  'postal-audit-commit': z.strictObject({ observer: observerName, commitment: hexBytes(32) }),
  'postal-audit-start': z.strictObject({ riskLimit: z.number().int().min(1).max(50) }),
  'postal-audit-reveal': z.strictObject({ observer: observerName, seed: hexBytes(32) }),
  'postal-audit-sample': z.strictObject({
    round: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    draws: count,
    full: z.boolean(),
    riskPpm: z.number().int().min(0).max(1_000_000),
    batches: z.array(batchId).max(100_000),
  }),
  'postal-audit-count': postalCountsSchema,
  'postal-audit-end': z.strictObject({
    outcome: z.enum(['confirmed', 'hand-counted']),
    riskPpm: z.number().int().min(0).max(1_000_000),
  }),
  'election-close': z.strictObject({}),
  // Spec §13.6: per contest, with styles, the ballots that include it (`ballots`) and, with
  // weights, their total weight (`weight`, also for the whole tally): the decryption bounds.
  'encrypted-tally': z.strictObject({
    ballots: count,
    weight: count.optional(),
    contests: z
      .array(
        z.strictObject({
          options: z.array(hexBytes(64)).max(50),
          ballots: count.optional(),
          weight: count.optional(),
        })
      )
      .max(20),
  }),
  'decryption-share': z.strictObject({
    trustee: index,
    // Spec §8.2: the signed checkpoint the trustee checked; its proofs bind it.
    checkpoint: z.strictObject({
      size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      root: hexBytes(32),
    }),
    contests: options(z.strictObject({ share: hexBytes(32), proof: hexBytes(96) })),
    signature: hexBytes(64),
  }),
  'election-result': z.strictObject({
    contests: options(z.strictObject({ online: count, postal: count, total: count })),
  }),
  // Spec §11.8: a ranked contest's mix (in parts), its per-ballot decryption shares (in parts) and
  // its decrypted rankings, checked by V10.
  mix: mixBodySchema,
  'ranked-decryption-share': rankedDecryptionShareBodySchema,
  'ranked-rankings': rankedRankingsBodySchema,
  // Spec §12.7: a ranked contest's stage-by-stage result sheet, re-counted by V11.
  'ranked-result': rankedResultBodySchema,
  // Spec §8.10: a trustee's decryption of the test ciphertext, between the key and the open.
  'rehearsal-share': z.strictObject({
    trustee: index,
    share: hexBytes(32),
    proof: hexBytes(96),
    signature: hexBytes(64),
  }),
  // Spec §9.6: the officer ends an election that cannot complete; the reason is public.
  'election-cancelled': z.strictObject({
    reason: z.string().max(1000).regex(/\S/, 'a cancellation states its reason'),
  }),
  // Spec §9.5.5: a voter's signed receipt whose ballot they could not find on the board.
  'receipt-dispute': z.strictObject({ receipt: receiptSchema }),
} as const;

export type EventType = keyof typeof eventBodySchemas;
export const EVENT_TYPES = Object.keys(eventBodySchemas) as EventType[];
export type EventBody<T extends EventType> = z.infer<(typeof eventBodySchemas)[T]>;

/** A parsed board event: the envelope and a body of the schema its type names. */
export type BoardEvent = {
  [T in EventType]: {
    readonly type: T;
    readonly position: number;
    readonly previous: string;
    readonly time: string;
    readonly body: EventBody<T>;
  };
}[EventType];

const envelopeSchema = z.strictObject({
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  position: count,
  previous: hexBytes(32),
  time: instantSchema,
  body: z.record(z.string(), z.unknown()),
});

/** The `previous` of position 0 (spec §9.5). */
export const GENESIS_PREVIOUS = '00'.repeat(32);

/** Spec §9.5: parses one decoded JSON value as a board event (envelope + typed body). */
export function parseBoardEvent(value: unknown): Result<BoardEvent, RecordError> {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return err(recordErrorFromZod(envelope.error, 'record/invalid-event'));
  const { type } = envelope.data;
  const body = eventBodySchemas[type].safeParse(envelope.data.body);
  if (!body.success) {
    const e = recordErrorFromZod(body.error, 'record/invalid-event-body');
    return err(recordError(e.code, `${type}: ${e.message}`, `/body${e.path ?? ''}`));
  }
  return ok({ ...envelope.data, body: body.data } as BoardEvent);
}

/** Spec §9.5: SHA-256 of the event's canonical bytes (the line without its newline), as hex. */
export function eventHash(event: BoardEvent | Record<string, unknown>): string {
  return bytesToHex(sha256(canonicalBytes(event)));
}

/** Builds the next event of a chain; the board's only way to make one (spec §9.5). */
export function makeBoardEvent<T extends EventType>(
  previous: { readonly position: number; readonly hash: string } | null,
  type: T,
  time: string,
  body: EventBody<T>
): BoardEvent {
  return {
    type,
    position: previous === null ? 0 : previous.position + 1,
    previous: previous === null ? GENESIS_PREVIOUS : previous.hash,
    time,
    body,
  } as BoardEvent;
}
