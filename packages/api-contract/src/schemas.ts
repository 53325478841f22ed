/**
 * @module The request and response schemas of the HTTP API (zod 4, strict objects everywhere): the
 * server parses requests and (under test) checks its answers with them, the client parses answers
 * with them, and the OpenAPI document is generated from them. Ballots, manifests and event bodies
 * are the record's own schemas (packages/record), never redefined here.
 */
import { z } from 'zod';
import {
  Hex32,
  Hex64,
  REPLACEMENT_REASONS,
  type ReplacementReason,
  auditedBallotSchema,
  ballotSchema,
  checkpointSchema,
  eventBodySchemas,
  manifestSchema,
} from '@scrutineer/record';

/** The event types a trustee posts itself (spec §7, §8): the trustee-messages route takes these. */
export const TRUSTEE_EVENT_TYPES = [
  'trustee-commitments',
  'trustee-shares',
  'trustee-complaint',
  'decryption-share',
  'rehearsal-share',
] as const;
export type TrusteeEventType = (typeof TRUSTEE_EVENT_TYPES)[number];

export const electionParams = z.strictObject({
  electionId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'an election id'),
});
/**
 * A path or query integer in its one spelling: decimal digits, no sign, no leading zero (what
 * `z.coerce.number()` would also take — `0x10`, `1e2`, ` 5`, the empty string — is refused).
 */
export function decimal(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^(?:0|[1-9][0-9]{0,15})$/, 'a decimal integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}
export const positionParams = z.strictObject({
  electionId: electionParams.shape.electionId,
  position: decimal(0),
});
export const trackerParams = z.strictObject({
  electionId: electionParams.shape.electionId,
  tracker: Hex32,
});

const count = decimal(0);
export const pageQuery = z.strictObject({
  from: count.default(0),
  limit: decimal(1, 1000).default(100),
});
export const inclusionQuery = z.strictObject({ position: count, size: decimal(1).optional() });
export const consistencyQuery = z.strictObject({ from: count, to: decimal(1) });

// Operator and officer.
export const createElectionBody = z.strictObject({
  manifest: z.record(z.string(), z.unknown()).describe('the manifest of spec §9.2 without `board`'),
  adminKeyHash: Hex32.describe("SHA-256 hex of the returning officer's bearer key"),
});
export const createElectionResponse = z.strictObject({
  manifest: manifestSchema,
  manifestHash: Hex32,
  boardPublicKey: Hex32,
});

export const credentialEntry = z.strictObject({
  key: Hex32.describe('the public credential key C (spec §6.5)'),
  answersHash: z.string().max(300).describe('Argon2id PHC string of the normalised answers'),
  returnCommitment: Hex32.optional().describe(
    'the postal return commitment (spec §9.5): required iff the manifest offers postal'
  ),
  style: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/)
    .optional()
    .describe(
      "the credential's ballot-style category (spec §13.1): required iff the manifest has styles"
    ),
  weight: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe("the credential's weight (spec §13.4): required iff the manifest has weights"),
});
export const credentialsBody = z.strictObject({
  credentials: z.array(credentialEntry).min(1).max(10_000),
});
/** The board knows credentials, never the registrar's pack ids (spec §9.5.4). */
export const credentialReference = z.strictObject({ credential: Hex32 });
export const replaceBody = z.strictObject({
  revoke: credentialReference,
  replacement: credentialEntry,
  reason: z.enum(REPLACEMENT_REASONS).describe('why the pack is replaced (spec §9.5)'),
  approval: Hex64.describe(
    "the registrar's signature (spec §5.4, base hash h) over the event body without it (spec §9.5)"
  ),
});
export const appendedResponse = z.strictObject({ position: z.number().int(), hash: Hex32 });
export const openedResponse = appendedResponse.extend({
  baseHash: Hex32,
  credentialCount: z.number().int(),
  credentialListHash: Hex32,
});
export const electionKeyBody = eventBodySchemas['election-key'];
export const resultBody = eventBodySchemas['election-result'];
export const trusteeMessageBody = z.strictObject({
  type: z.enum(TRUSTEE_EVENT_TYPES),
  body: z.record(z.string(), z.unknown()),
});
export const tallyResponse = appendedResponse.extend({
  ballots: z.number().int(),
  checkpoint: z.strictObject({ size: z.number().int(), root: Hex32 }),
});
/** The nominations document as text: the exact bytes to publish as nominations.json. */
export const nominationsBody = z.strictObject({ document: z.string().min(1) });
export const nominationsResponse = z.strictObject({ hash: Hex32, created: z.boolean() });
export const auditLogResponse = z.strictObject({
  entries: z.array(
    z.strictObject({
      actor: z.string(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()),
      at: z.string(),
    })
  ),
});

// Voters.
export const challengeResponse = z.strictObject({ challenge: z.string(), expires: z.string() });
export const signInBody = z.strictObject({
  credential: Hex32.describe('the credential public key the booth derived from the code'),
  answers: z
    .record(z.string().max(32), z.string().max(200))
    .describe('security answers by question id'),
  challenge: z.string().max(200),
  signature: Hex64.describe('the credential signature of the sign-in message (spec §10.5)'),
});
export const signInResponse = z.strictObject({
  token: z.string(),
  credential: Hex32,
  expires: z.string(),
  style: z
    .string()
    .optional()
    .describe("the credential's ballot-style category (spec §13.2), iff the manifest has styles"),
});
export const castBody = z.strictObject({ ballot: ballotSchema });
export const auditBody = z.strictObject({ audited: auditedBallotSchema });
export const receiptSchema = z.strictObject({
  election: z.string(),
  tracker: Hex32,
  position: z.number().int(),
  time: z.string(),
  eventHash: Hex32,
  signature: Hex64,
});
export const credentialReportSchema = z.strictObject({
  credential: Hex32,
  status: z.enum(['active', 'revoked']),
  locked: z.boolean(),
  channel: z.enum(['online', 'postal']).nullable(),
  ballots: z.array(
    z.strictObject({ tracker: Hex32, position: z.number().int(), time: z.string() })
  ),
});

// Public board.
export const summarySchema = z.strictObject({
  electionId: z.string(),
  stage: z.string(),
  size: z.number().int(),
  headHash: Hex32,
  electionKey: Hex32.nullable(),
  baseHash: Hex32.nullable(),
  fingerprint: z.string().nullable(),
  credentialCount: z.number().int().nullable(),
  replacements: z
    .strictObject({
      total: z.number().int(),
      byReason: z.strictObject(
        Object.fromEntries(REPLACEMENT_REASONS.map((r) => [r, z.number().int()])) as Record<
          ReplacementReason,
          z.ZodNumber
        >
      ),
    })
    .describe('replacement packs issued so far, by reason (spec §9.5)'),
  manifestHash: Hex32,
  boardPublicKey: Hex32,
});
/**
 * A board event's envelope (spec §9.5). The type is any string and the body any object here, so
 * a reader built before a new event type still pages through the board; the record's decoder
 * (`parseBoardEvent`) checks the body against its type.
 */
export const eventEnvelopeSchema = z.strictObject({
  type: z.string(),
  position: z.number().int(),
  previous: Hex32,
  time: z.string(),
  body: z.record(z.string(), z.unknown()),
});
export const eventPageSchema = z.strictObject({
  events: z.array(eventEnvelopeSchema).describe('board events (spec §9.5)'),
  next: z.number().int().nullable(),
  size: z.number().int(),
});
export const eventSchema = z.strictObject({
  event: eventEnvelopeSchema,
  line: z.string(),
  hash: Hex32,
  leafHash: Hex32,
});
export const checkpointListSchema = z.strictObject({ checkpoints: z.array(checkpointSchema) });
export const inclusionProofSchema = z.strictObject({
  position: z.number().int(),
  size: z.number().int(),
  root: Hex32,
  leafHash: Hex32,
  proof: z.array(Hex32),
});
export const consistencyProofSchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  fromRoot: Hex32,
  toRoot: Hex32,
  proof: z.array(Hex32),
});
export const trackerSchema = z.strictObject({
  tracker: Hex32,
  kind: z.enum(['cast', 'audited']),
  position: z.number().int(),
  time: z.string(),
  eventHash: Hex32,
  superseded: z.boolean(),
});
export const turnoutSchema = z.strictObject({
  online: z.number().int(),
  postal: z.number().int(),
  total: z.number().int(),
  eligible: z.number().int().nullable(),
  stage: z.string(),
});
export const healthResponse = z.strictObject({ ok: z.boolean() });
