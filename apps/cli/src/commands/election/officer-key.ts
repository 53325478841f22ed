/**
 * @module The returning officer's key: `scrutineer election keygen --out FILE` makes one (256
 * random bits, base64url, in a 0600 file), and `election create` refuses a key below a strength
 * floor of 128 bits, estimated from its length and the smallest usual alphabet that spells it.
 * The board stores the key's SHA-256; for a key this strong no salt or slow hash is needed (no
 * dictionary reaches it), and online guesses meet the board's per-address lockout and alarm.
 */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { MIN_OFFICER_KEY_BITS, estimatedKeyBits } from '@scrutineer/protocol';
import { writeFileAtomic } from '../roll/roll-files.ts';

/** Bits of entropy the officer's key must have at least (estimated; shared with the web console). */
export const MIN_KEY_BITS = MIN_OFFICER_KEY_BITS;
export { estimatedKeyBits };

/** Throws, saying how to make a strong key, if `key` is below the floor. */
export function assertStrongOfficerKey(key: string): void {
  const bits = estimatedKeyBits(key);
  if (bits < MIN_KEY_BITS)
    throw new Error(
      `the returning officer's key is too weak (about ${Math.floor(bits)} bits; at least ${MIN_KEY_BITS} needed): make one with \`scrutineer election keygen --out FILE\``
    );
}

export function generateOfficerKey(): string {
  return randomBytes(32).toString('base64url');
}

export function keygenCommand(): Command {
  return new Command('keygen')
    .alias('officer-key')
    .description("make a returning officer's key: 256 random bits in a file only you can read")
    .requiredOption('--out <file>', 'where to write the key (created 0600)')
    .action((options: { out: string }) => {
      writeFileAtomic(options.out, `${generateOfficerKey()}\n`, { secret: true });
      process.stdout.write(
        `Wrote a new returning officer's key to ${options.out} (0600). Use it with --admin-key-file.\n`
      );
    });
}
