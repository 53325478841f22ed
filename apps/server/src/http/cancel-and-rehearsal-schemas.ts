/**
 * @module The request bodies of the routes that keep an election honest when it cannot go on
 * (cancellation, spec §9.6) and that rehearse the decryption before voting opens (spec §8.10):
 * the record's own event schemas, so a body the route accepts is an event body the board can
 * append.
 */
import { eventBodySchemas } from '@scrutineer/record';

/** POST /api/elections/:electionId/cancel: `{ reason }`. */
export const cancelBody = eventBodySchemas['election-cancelled'];
