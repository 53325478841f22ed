/**
 * @module The server's side of the error table: the service layer throws {@link ServiceError}
 * with a code of the contract's catalogue (@scrutineer/api-contract), and the HTTP layer maps it to
 * its status and `{ error: { code, message } }` there and nowhere else.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '@scrutineer/api-contract';

export {
  ERROR_CATALOGUE,
  type ErrorBody,
  type ErrorCode,
  errorBody,
  httpStatus,
  isErrorCode,
} from '@scrutineer/api-contract';

/** An expected refusal: a catalogue code and a message safe to show to the caller. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = ERROR_CATALOGUE[code][1]) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
