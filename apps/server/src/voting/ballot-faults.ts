/**
 * @module Naming why a ballot was refused. Parse failures come from the record's decoders, crypto
 * failures from the verifier's single-ballot check (`verifyBallotAlone`), whose fault names the
 * check (V5.4 signature, V5.5 selection proofs, V5.6 totals, V10.1 ranking proofs) and, for an element that did not
 * decode, the decoder's error code; each maps to one catalogue code.
 */
import type { RecordError } from '@scrutineer/record';
import type { BallotFault } from '@scrutineer/verifier';
import { type ErrorCode, ServiceError } from '../http-errors.ts';

export function parseFaultToError(error: RecordError): ServiceError {
  if (error.code === 'record/wrong-election')
    return new ServiceError('ballot/wrong-election', error.message);
  return new ServiceError('ballot/malformed', `${error.code}: ${error.message}`);
}

const GROUP_CODES: Record<string, ErrorCode> = {
  'group/non-canonical-point': 'ballot/not-canonical-point',
  'group/identity-forbidden': 'ballot/identity-point',
  'group/scalar-out-of-range': 'ballot/not-canonical-scalar',
  'group/scalar-zero-forbidden': 'ballot/not-canonical-scalar',
};

export function verifyFaultToError(fault: BallotFault): ServiceError {
  if (fault.decodeError !== undefined) {
    return new ServiceError(GROUP_CODES[fault.decodeError] ?? 'ballot/malformed', fault.message);
  }
  if (fault.check === 'V5.4') return new ServiceError('ballot/invalid-signature', fault.message);
  if (fault.check === 'V5.6') return new ServiceError('ballot/invalid-total-proof', fault.message);
  if (fault.check === 'V10.1')
    return new ServiceError('ballot/invalid-ranking-proof', fault.message);
  return new ServiceError('ballot/invalid-proof', fault.message);
}
