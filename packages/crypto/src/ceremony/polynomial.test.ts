import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nobleGroup as group } from '../backends/noble.ts';
import { GROUP_ORDER, addScalars, modOrder, multiplyScalars } from '../scalar.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';
import {
  commitPolynomial,
  evaluateCommitmentsUnsafe,
  evaluatePolynomial,
  randomPolynomial,
} from './polynomial.ts';

const scalar = fc.bigInt({ min: 0n, max: GROUP_ORDER - 1n });

test('Horner evaluation equals the textbook sum Σ aⱼ x^j mod ℓ', () => {
  fc.assert(
    fc.property(
      fc.array(scalar, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 70000 }),
      (coefficients, x) => {
        let expected = 0n;
        coefficients.forEach((a, j) => {
          expected = addScalars(expected, multiplyScalars(a, modOrder(BigInt(x) ** BigInt(j))));
        });
        assert.equal(evaluatePolynomial({ coefficients }, x), expected);
      }
    )
  );
  assert.equal(evaluatePolynomial({ coefficients: [5n, 7n, 11n] }, 0), 5n);
  assert.equal(evaluatePolynomial({ coefficients: [5n, 7n, 11n] }, 2), 5n + 14n + 44n);
});

test('Feldman: evaluating the commitments at l gives f(l)·G', () => {
  const random = createSeededRandom('polynomial-feldman');
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 1000 }),
      (threshold, l) => {
        const polynomial = randomPolynomial(threshold, () => random.scalar());
        const commitments = commitPolynomial(group, polynomial);
        const expected = group.multiplyBase(evaluatePolynomial(polynomial, l));
        assert.ok(group.equals(evaluateCommitmentsUnsafe(group, commitments, l), expected));
        // A constant polynomial (k = 1) takes the same value everywhere.
        const elsewhere = group.equals(
          evaluateCommitmentsUnsafe(group, commitments, l + 1),
          expected
        );
        assert.equal(elsewhere, threshold === 1);
      }
    ),
    { numRuns: 20 }
  );
});

test('randomPolynomial draws k non-zero coefficients and refuses a bad scalar source', () => {
  const polynomial = randomPolynomial(4);
  assert.equal(polynomial.coefficients.length, 4);
  assert.ok(polynomial.coefficients.every((a) => a > 0n && a < GROUP_ORDER));
  assert.throws(() => randomPolynomial(2, () => 0n), /bad-scalar-source/);
  assert.throws(() => randomPolynomial(2, () => GROUP_ORDER), /bad-scalar-source/);
  assert.throws(() => randomPolynomial(0), /invalid-degree/);
});
