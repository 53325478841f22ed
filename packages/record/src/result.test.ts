import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  type RecordError,
  type Result,
  RecordFailure,
  err,
  jsonPointerToken,
  ok,
  recordError,
  unsafeUnwrap,
} from './result.ts';

describe('Result', () => {
  it('is a plain, JSON-serialisable discriminated union', () => {
    const good: Result<number, RecordError> = ok(3);
    const bad: Result<number, RecordError> = err(recordError('record/invalid-json', 'no'));
    assert.equal(JSON.stringify(good), '{"ok":true,"value":3}');
    assert.equal(
      JSON.stringify(bad),
      '{"ok":false,"error":{"code":"record/invalid-json","message":"no"}}'
    );
    assert.equal(good.ok ? good.value : -1, 3);
    assert.equal(bad.ok ? 'value' : bad.error.code, 'record/invalid-json');
  });

  it('leaves path out unless there is one', () => {
    assert.deepEqual(recordError('record/x', 'm'), { code: 'record/x', message: 'm' });
    assert.equal('path' in recordError('record/x', 'm'), false);
    assert.deepEqual(recordError('record/x', 'm', '/a/0'), {
      code: 'record/x',
      message: 'm',
      path: '/a/0',
    });
  });

  it('escapes JSON Pointer tokens as RFC 6901 says', () => {
    assert.equal(jsonPointerToken('a/b~c'), 'a~1b~0c');
    assert.equal(jsonPointerToken(7), '7');
  });
});

describe('unsafeUnwrap', () => {
  it('returns the value of an ok result', () => {
    assert.deepEqual(unsafeUnwrap(ok({ a: 1 })), { a: 1 });
  });

  it("throws a RecordFailure carrying the error's code, message and path", () => {
    const error = recordError('record/duplicate-key', 'key "a" appears twice', '/a');
    assert.throws(
      () => unsafeUnwrap(err(error)),
      (thrown: unknown) =>
        thrown instanceof RecordFailure &&
        thrown.code === 'record/duplicate-key' &&
        thrown.message === 'record/duplicate-key: key "a" appears twice (at /a)' &&
        thrown.error === error
    );
  });

  it('describes errors of other shapes too', () => {
    assert.throws(() => unsafeUnwrap(err('plain text')), {
      name: 'RecordFailure',
      message: 'plain text',
    });
    assert.throws(() => unsafeUnwrap(err(new Error('boom'))), { message: 'boom' });
    assert.throws(() => unsafeUnwrap(err({ reason: 1 })), { message: '{"reason":1}' });
  });
});
