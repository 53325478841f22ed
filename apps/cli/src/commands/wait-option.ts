/**
 * @module `--wait <minutes>`, shared by the commands that wait for other parties (the trustees'
 * ceremony, the officer's `election key`): how long before giving up, never a hidden constant.
 * Giving up leaves nothing half-done; the same command run again goes on.
 */
import { InvalidArgumentError } from 'commander';

/** The default wait for other parties in a ceremony: minutes in one room, with a margin. */
export const DEFAULT_WAIT_MINUTES = 120;

/** A whole number of minutes (1–99999), as milliseconds. */
export function parseMinutes(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected a whole number of minutes, at least 1');
  return Number(value) * 60_000;
}
