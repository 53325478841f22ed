/**
 * @module The request and response schemas of the postal routes (spec §9.5.3): one returned
 * envelope, a scanning station's upload of many, and a batch's counts.
 */
import { Hex32, eventBodySchemas, hexBytes } from '@scrutineer/record';
import { z } from 'zod';

const Hex16 = hexBytes(16).describe('the return slip secret, 32 hex digits');
const batchId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'an opening batch id: 1–64 of A–Z, a–z, 0–9 and -')
  .describe("the opening batch (the scanner's tray) the envelope goes into");
const scannedAt = z.string().min(1).max(64).describe('when the scanner read the slip');

/** Spec §9.5.3: a postal return names its credential and shows the return slip's secret. */
export const postalReceivedBody = z.strictObject({
  credential: Hex32,
  returnSecret: Hex16,
  batch: batchId.optional().describe('the opening batch (default "loose")'),
  scannedAt: scannedAt.optional(),
});

export const MAX_ENVELOPES_PER_UPLOAD = 1000;

export const postalEnvelopesBody = z.strictObject({
  envelopes: z
    .array(
      z.strictObject({
        credential: Hex32,
        returnSecret: Hex16,
        batch: batchId,
        scannedAt: scannedAt.optional(),
      })
    )
    .min(1)
    .max(MAX_ENVELOPES_PER_UPLOAD),
});

const envelopeOutcome = z.union([
  z.strictObject({
    outcome: z.literal('received'),
    batch: z.string(),
    position: z.number().int(),
  }),
  z.strictObject({ outcome: z.literal('already-received'), batch: z.string() }),
  z.strictObject({
    outcome: z.literal('refused'),
    code: z.enum([
      'credential/not-found',
      'credential/revoked',
      'postal/wrong-return-secret',
      'postal/credential-used-online',
    ]),
    published: z.boolean().describe('whether the refusal is on the board (cast-refused)'),
  }),
]);

export const postalEnvelopesResponse = z.strictObject({
  received: z.number().int(),
  alreadyReceived: z.number().int(),
  refused: z.number().int(),
  outcomes: z.array(envelopeOutcome).describe('one per envelope, in the order uploaded'),
});

/** The counts of one opening batch's papers (the `postal-batch` body, spec §9.5). */
export const postalBatchBody = eventBodySchemas['postal-batch'];

/**
 * Spec §9.5.3: how many returned envelopes went into each opening batch (the scanner's tray), as
 * the officer compares them with the papers each batch's count will hold. Counts only: which
 * envelope is in which tray is never published.
 */
export const postalEnvelopeBatchesResponse = z.strictObject({
  batches: z.array(
    z.strictObject({ batch: z.string(), envelopes: z.number().int().nonnegative() })
  ),
});
