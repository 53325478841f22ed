import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GROUP_ORDER, addScalars, multiplyScalars } from '../scalar.ts';
import { evaluatePolynomial } from '../ceremony/polynomial.ts';
import { DecryptionError } from './decryption-error.ts';
import {
  lagrangeCoefficientAtZero,
  lagrangeCoefficientsAtZero,
  scaledLagrangeCoefficientsAtZero,
} from './lagrange.ts';
import { at } from '../ceremony/run-ceremony.helpers.ts';

const scalar = fc.bigInt({ min: 0n, max: GROUP_ORDER - 1n });

test('any k distinct points of a degree k−1 polynomial interpolate f(0); k−1 points do not', () => {
  fc.assert(
    fc.property(
      fc.array(scalar, { minLength: 2, maxLength: 6 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 6, maxLength: 6 }),
      (coefficients, pool) => {
        const polynomial = { coefficients };
        const k = coefficients.length;
        const interpolate = (indices: readonly number[]): bigint =>
          lagrangeCoefficientsAtZero(indices).reduce(
            (sum, lambda, i) =>
              addScalars(
                sum,
                multiplyScalars(lambda, evaluatePolynomial(polynomial, at(indices, i)))
              ),
            0n
          );
        assert.equal(interpolate(pool.slice(0, k)), coefficients[0]);
        // With k−1 points the interpolation is of the wrong degree: it misses f(0) unless the top
        // coefficient happens to be 0.
        if (coefficients[k - 1] !== 0n)
          assert.notEqual(interpolate(pool.slice(0, k - 1)), coefficients[0]);
      }
    )
  );
});

test('known small case: S = {1, 2, 3} gives λ = (3, −3, 1)', () => {
  assert.deepEqual(lagrangeCoefficientsAtZero([1, 2, 3]), [3n, GROUP_ORDER - 3n, 1n]);
  assert.deepEqual(lagrangeCoefficientsAtZero([7]), [1n]);
});

test('repeated, non-positive or missing indices are refused', () => {
  const refuse = (run: () => unknown): void =>
    assert.throws(
      run,
      (e: unknown) => e instanceof DecryptionError && e.code === 'decryption/invalid-indices'
    );
  refuse(() => lagrangeCoefficientsAtZero([1, 2, 2]));
  refuse(() => lagrangeCoefficientsAtZero([0, 1]));
  refuse(() => lagrangeCoefficientsAtZero([1.5, 2]));
  refuse(() => lagrangeCoefficientAtZero(4, [1, 2, 3]));
});

test('(8.5): S = {1, 3, 5} scales by d = 8 to (15, −10, 3); {1, 2, 3} needs none (3, −3, 1)', () => {
  assert.deepEqual(scaledLagrangeCoefficientsAtZero([1, 3, 5]), {
    denominator: 8n,
    coefficients: [15n, GROUP_ORDER - 10n, 3n],
  });
  assert.deepEqual(scaledLagrangeCoefficientsAtZero([1, 2, 3]), {
    denominator: 1n,
    coefficients: [3n, GROUP_ORDER - 3n, 1n],
  });
});

test('(8.5): d·λᵢ for every set, d the least positive integer making them all integers', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 7 }),
      (set) => {
        const { denominator, coefficients } = scaledLagrangeCoefficientsAtZero(set);
        lagrangeCoefficientsAtZero(set).forEach((lambda, i) =>
          assert.equal(coefficients[i], multiplyScalars(denominator, lambda))
        );
      }
    )
  );
});
