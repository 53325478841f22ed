/**
 * @module `scrutineer dispute <server-url> <receipt.json>` (spec §9.5.5): files a voter's signed
 * receipt whose ballot is not on the board; the board appends it as a public `receipt-dispute`,
 * which V5.11 checks. The receipt's signature is checked here first, under the manifest's board
 * key, so a voter learns at once whether the receipt is the board's.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { hexToBytes, loadGroup } from '@scrutineer/crypto';
import { manifestHash, receiptMessage, receiptSchema, verifyStatement } from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';

export function disputeCommand(): Command {
  return new Command('dispute')
    .description(
      'file a receipt whose ballot is not on the board as a public dispute (spec §9.5.5)'
    )
    .argument('<server-url>', 'the board, e.g. https://vote.example.org')
    .argument('<receipt>', 'the receipt file the booth downloaded (JSON)')
    .action(async (url: string, file: string) => {
      const parsed = receiptSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success)
        throw new Error(`${file}: not a receipt (${parsed.error.issues[0]?.message ?? ''})`);
      const receipt = parsed.data;
      const client = new ServerClient(url);
      const manifest = await client.manifest(receipt.election);
      const group = await loadGroup('sodium');
      const { signature, ...unsigned } = receipt;
      const valid = verifyStatement(
        group,
        manifestHash(manifest),
        group.decodePoint(hexToBytes(manifest.board.publicKey)),
        receiptMessage(unsigned),
        signature
      );
      if (!valid)
        throw new Error(
          "the receipt's signature does not verify under the manifest's board key: it is not this board's receipt"
        );
      const filed = await client.call('dispute', {
        params: { electionId: receipt.election },
        body: { receipt },
      });
      process.stdout.write(
        `Dispute filed at board position ${filed.position}. Verifiers check it (V5.11): if your ballot is not at position ${receipt.position}, the record is invalid.\n`
      );
    });
}
