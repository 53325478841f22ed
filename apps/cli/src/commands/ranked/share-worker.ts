/**
 * @module A worker thread making one trustee's decryption shares (spec §8.2, §11.6) for a slice of a
 * round's targets, with crypto's `createDecryptionShares`, the function a single thread uses: the
 * same shares, encoded as §8.7 D1.
 */
import { workerData } from 'node:worker_threads';
import { type Backend, loadFastestGroup, loadGroup } from '@scrutineer/crypto';
import { type ShareSlice, shareSliceHex } from '@scrutineer/protocol';
import { serveRequests } from '@scrutineer/worker-pool';

const { backend } = workerData as { backend: Backend | undefined };
const group = await (backend === undefined ? loadFastestGroup() : loadGroup(backend));

serveRequests((job: ShareSlice): string[] => shareSliceHex(group, job));
