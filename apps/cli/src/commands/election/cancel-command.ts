/**
 * @module `scrutineer election cancel --reason …` (spec §9.6): the returning officer ends an
 * election that cannot complete — fewer than k trustees can still decrypt, or the key ceremony
 * failed — with a public reason. The board appends `election-cancelled`, seals the record with a
 * checkpoint and accepts nothing after it; a verifier reports the election as cancelled, with no
 * result. It cannot be undone: a new election needs a new election id.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type Common, officer, withCommon } from './election.ts';

function parseReason(value: string): string {
  if (value.trim() === '' || value.length > 1000)
    throw new InvalidArgumentError('give the reason in 1 to 1000 characters');
  return value;
}

export function cancelCommand(): Command {
  return withCommon(new Command('cancel'))
    .description(
      'cancel an election that cannot complete (fewer than k trustees can decrypt, or a failed ' +
        'ceremony): posts election-cancelled with the reason on the board; nothing is accepted ' +
        'after it and the record verifies as cancelled, with no result. It cannot be undone.'
    )
    .requiredOption('--reason <text>', 'the public reason, as the record will show it', parseReason)
    .action(async (options: Common & { reason: string }) => {
      const context = await officer(options);
      const appended = await context.client.call('cancel', {
        params: { electionId: context.electionId },
        token: context.adminKey,
        body: { reason: options.reason },
      });
      process.stdout.write(
        `Election ${context.electionId} cancelled at board position ${appended.position}: ${options.reason}\n`
      );
    });
}
