/**
 * @module The returning officer's key: `scrutineer election keygen --out FILE` makes one (256
 * random bits, base64url, in a 0600 file), and `election create` refuses a key below a strength
 * floor of 128 bits, estimated from its length and the smallest usual alphabet that spells it.
 * The board stores the key's SHA-256; for a key this strong no salt or slow hash is needed (no
 * dictionary reaches it), and online guesses meet the board's per-address lockout and alarm.
 */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { writeFileAtomic } from '../roll/roll-files.ts';

/** Bits of entropy the officer's key must have at least (estimated). */
export const MIN_KEY_BITS = 128;

const ALPHABETS: readonly [RegExp, number][] = [
  [/^[0-9]+$/, 10],
  [/^[0-9a-f]+$/i, 16],
  [/^[A-Za-z0-9_-]+$/, 64],
  [/^[A-Za-z0-9+/=]+$/, 64],
];

/** Estimated bits: length × log2 of the smallest alphabet spelling it (95 printable otherwise). */
export function estimatedKeyBits(key: string): number {
  const size = ALPHABETS.find(([pattern]) => pattern.test(key))?.[1] ?? 95;
  // A key of very few distinct characters ('aaaa…', '0101…') is weaker than its length says.
  const distinct = new Set(key).size;
  return key.length * Math.log2(distinct < 8 ? Math.max(2, distinct) : size);
}

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
