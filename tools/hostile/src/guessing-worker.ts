/**
 * @module One thread of the guessing attack (`npm run guessing` runs several, so the attacker's
 * key derivations and signatures use more than the server's core): runs
 * {@link runGuessingAttack} on its share of guesses and addresses and posts the report back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGroup } from '@scrutineer/crypto';
import { type GuessingOptions, runGuessingAttack } from './guessing-attack.ts';

export interface GuessingWorkerData {
  readonly url: string;
  readonly electionId: string;
  readonly manifestHash: string;
  readonly options: Omit<GuessingOptions, 'onProgress'>;
}

const data = workerData as GuessingWorkerData;
const report = await runGuessingAttack(
  {
    url: data.url,
    electionId: data.electionId,
    manifestHash: data.manifestHash,
    group: await loadGroup('sodium'),
  },
  {
    ...data.options,
    onProgress: (progress) => parentPort?.postMessage({ progress }),
  }
);
parentPort?.postMessage({ report });
