/**
 * @module Receipt disputes (spec §9.5.5): a voter who cannot find their ballot files the board's
 * signed receipt, and the board appends it unchanged as a public `receipt-dispute`; V5.11 then
 * checks that the ballot is on the log where the receipt says. The board refuses what is not one
 * of its own receipts, and a second dispute of the same receipt.
 */
import { hexToBytes } from '@scrutineer/crypto';
import { type Receipt, receiptMessage, verifyStatement } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { lockHead } from '../board/board-head.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';

export async function fileDispute(
  context: ServiceContext,
  electionId: string,
  receipt: Receipt
): Promise<{ position: number; hash: string }> {
  const election = await context.elections.get(electionId);
  const { signature, ...unsigned } = receipt;
  const signed =
    receipt.election === electionId &&
    verifyStatement(
      context.group,
      election.manifestHash,
      context.group.decodePoint(hexToBytes(election.boardPublicKey)),
      receiptMessage(unsigned),
      signature
    );
  if (!signed) throw new ServiceError('dispute/bad-receipt');
  return context.database.transaction(async (transaction) => {
    const head = await lockHead(transaction, electionId);
    const earlier = await transaction.query<{ line: string }>(
      "SELECT line FROM events WHERE election_id = $1 AND type = 'receipt-dispute'",
      [electionId]
    );
    const same = earlier.some((row) => {
      const filed = (JSON.parse(row.line) as { body: { receipt: Receipt } }).body.receipt;
      return filed.position === receipt.position && filed.tracker === receipt.tracker;
    });
    if (same) throw new ServiceError('dispute/duplicate');
    const appended = await appendEvent(
      transaction,
      head,
      'receipt-dispute',
      { receipt },
      context.clock()
    );
    return { position: appended.position, hash: appended.hash };
  });
}
