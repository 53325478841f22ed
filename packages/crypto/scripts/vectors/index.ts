/**
 * @module The list of vector areas. make-vectors.ts writes one file per entry and
 * src/vectors.test.ts checks each committed file against it; a new area is one module in this
 * folder and one line here.
 */
import type { VectorArea } from './vector-file.ts';
import { hashVectors } from './hash.ts';
import { elGamalVectors } from './elgamal.ts';
import { schnorrVectors } from './schnorr.ts';
import { chaumPedersenVectors } from './chaum-pedersen.ts';
import { rangeVectors } from './range.ts';
import { signatureVectors } from './signature.ts';
import { dlogVectors } from './dlog.ts';
import { credentialVectors } from './credential.ts';
import { keyCeremonyVectors } from './ceremony.ts';
import { thresholdDecryptionVectors } from './threshold-decryption.ts';
import { shuffleVectors } from './shuffle.ts';

export type { VectorArea } from './vector-file.ts';

export const vectorAreas: readonly VectorArea[] = [
  hashVectors,
  elGamalVectors,
  schnorrVectors,
  chaumPedersenVectors,
  rangeVectors,
  signatureVectors,
  dlogVectors,
  credentialVectors,
  keyCeremonyVectors,
  thresholdDecryptionVectors,
  shuffleVectors,
];
