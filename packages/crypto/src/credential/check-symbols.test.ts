import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addGf32,
  computeCheckSymbols,
  computeSyndromes,
  diagnoseCheckSymbols,
  divideGf32,
  multiplyGf32,
  powerOfAlpha,
} from './check-symbols.ts';
import { createSeededRandom } from '../test-helpers/seeded-random.ts';

/** Independent GF(32) product: schoolbook carry-less multiplication, then reduction by z⁵+z²+1. */
function referenceMultiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 5; bit++) if ((b >> bit) & 1) product ^= a << bit;
  for (let bit = 8; bit >= 5; bit--) if ((product >> bit) & 1) product ^= 0b100101 << (bit - 5);
  return product;
}

/** Independent W(β) = Σ wᵢ·β^(n−i) by explicit powers (no Horner). */
function referenceEvaluate(word: readonly number[], beta: number): number {
  let sum = 0;
  word.forEach((symbol, i) => {
    let power = 1;
    for (let k = 0; k < word.length - 1 - i; k++) power = referenceMultiply(power, beta);
    sum ^= referenceMultiply(symbol, power);
  });
  return sum;
}

const random = createSeededRandom('credential/check-symbols.test');
const randomWord = (length: number): number[] => Array.from({ length }, () => random.integer(32));

test('GF(32) multiplication matches carry-less multiplication mod z⁵ + z² + 1 on all 1024 pairs', () => {
  for (let a = 0; a < 32; a++) {
    for (let b = 0; b < 32; b++)
      assert.equal(multiplyGf32(a, b), referenceMultiply(a, b), `${a}·${b}`);
  }
});

test('α = z is primitive: its 31 powers are the 31 non-zero elements, and α³¹ = 1', () => {
  const powers = new Set(Array.from({ length: 31 }, (_, k) => powerOfAlpha(k)));
  assert.equal(powers.size, 31);
  assert.ok(!powers.has(0));
  assert.equal(powerOfAlpha(1), 2);
  assert.equal(powerOfAlpha(31), 1);
  assert.equal(powerOfAlpha(5), 0b00101); // z⁵ = z² + 1
});

test('division inverts multiplication; addition is XOR; division by 0 throws', () => {
  for (let a = 0; a < 32; a++) {
    for (let b = 1; b < 32; b++) assert.equal(multiplyGf32(divideGf32(a, b), b), a);
    assert.equal(addGf32(a, a), 0);
    assert.throws(() => divideGf32(a, 0), /gf32\/division-by-zero/);
  }
  assert.throws(() => multiplyGf32(32, 1), /gf32\/out-of-range/);
  assert.throws(() => addGf32(-1, 1), /gf32\/out-of-range/);
});

test('check symbols make W(α) = W(α²) = 0, checked with the independent evaluator', () => {
  for (let dataLength = 0; dataLength <= 29; dataLength++) {
    for (let trial = 0; trial < 20; trial++) {
      const data = randomWord(dataLength);
      const word = [...data, ...computeCheckSymbols(data)];
      assert.equal(referenceEvaluate(word, 2), 0);
      assert.equal(referenceEvaluate(word, 4), 0);
      assert.deepEqual(computeSyndromes(word), [0, 0]);
      assert.deepEqual(diagnoseCheckSymbols(word), { status: 'valid' });
    }
  }
  assert.deepEqual(computeCheckSymbols(new Array<number>(22).fill(0)), [0, 0]);
  assert.throws(() => computeCheckSymbols(new Array<number>(30).fill(0)), /gf32\/word-too-long/);
  assert.throws(() => computeSyndromes(new Array<number>(32).fill(0)), /gf32\/word-too-long/);
});

test('syndromes are W(α) and W(α²) of the independent evaluator on arbitrary words', () => {
  for (let trial = 0; trial < 200; trial++) {
    const word = randomWord(24);
    assert.deepEqual(computeSyndromes(word), [
      referenceEvaluate(word, 2),
      referenceEvaluate(word, 4),
    ]);
  }
});

// The code is linear, so "every error of weight 1 or 2 is detected" is a statement about error
// patterns alone: no non-zero pattern of weight ≤ 2 may have zero syndromes. Both checks below are
// exhaustive for length 24, hence a proof of minimum distance 3 for the voting code.
test('exhaustive, length 24: each of the 24 × 31 single errors is located and corrected', () => {
  const codeword = [...randomWord(22)];
  codeword.push(...computeCheckSymbols(codeword));
  for (let index = 0; index < 24; index++) {
    for (let error = 1; error < 32; error++) {
      const received = [...codeword];
      received[index] = (received[index] as number) ^ error;
      assert.deepEqual(diagnoseCheckSymbols(received), {
        status: 'correctable',
        index,
        correctedValue: codeword[index],
      });
    }
  }
});

test('exhaustive, length 24: all 276 × 31² error patterns of weight 2 are detected', () => {
  const zero = new Array<number>(24).fill(0);
  let correctableLookalikes = 0;
  for (let i = 0; i < 24; i++) {
    for (let j = i + 1; j < 24; j++) {
      for (let ei = 1; ei < 32; ei++) {
        for (let ej = 1; ej < 32; ej++) {
          const received = [...zero];
          received[i] = ei;
          received[j] = ej;
          const diagnosis = diagnoseCheckSymbols(received);
          assert.notEqual(diagnosis.status, 'valid');
          if (diagnosis.status === 'correctable') {
            correctableLookalikes++;
            // A miscorrection changes a third position, never i or j (that would leave weight 1).
            assert.ok(diagnosis.index !== i && diagnosis.index !== j);
          }
        }
      }
    }
  }
  // Spec §6.3 states how often two errors look like one (a wrong suggestion): about 24/31·30/31.
  assert.ok(correctableLookalikes > 0.6 * 276 * 961 && correctableLookalikes < 0.8 * 276 * 961);
});

test('diagnosis works on shortened words of any length up to 31', () => {
  for (const length of [3, 8, 24, 31]) {
    const codeword = [...randomWord(length - 2)];
    codeword.push(...computeCheckSymbols(codeword));
    for (let index = 0; index < length; index++) {
      const received = [...codeword];
      received[index] = (received[index] as number) ^ (1 + random.integer(31));
      assert.deepEqual(diagnoseCheckSymbols(received), {
        status: 'correctable',
        index,
        correctedValue: codeword[index],
      });
    }
  }
});
