/**
 * @module The generated bodies of packages/crypto/wasm/field-multiply.c (decision 0028): the limb
 * products of libdecaf's 32-bit p25519 multiplication and square, one line each, in the order the
 * carries need them. Ten limbs, limb i worth 2^ceil(25.5·i): a product of limbs j and k lands on
 * limb j + k, doubled when both are odd, and past limb 9 wraps with a factor 19 (2^255 ≡ 19).
 * field-products.test.ts checks that the C file holds exactly these lines.
 * Run: `npx tsx packages/crypto/scripts/field-products.ts mul|sqr` prints one body.
 */

/** The carry lines after limb i: even limbs hold 26 bits, odd ones 25. */
function carry(i: number): string[] {
  const bits = i % 2 === 1 ? 25 : 26;
  return [`  c[${i}] = (uint32_t)accum & ((1u << ${bits}) - 1);`, `  accum >>= ${bits};`];
}

const term = (j: number, factor: string, shift: number): string => {
  const product = `(uint64_t)a[${j}] * ${factor}`;
  return `  accum += ${shift === 0 ? product : `(${product} << ${shift})`};`;
};

/** gf_mul: every a[j]·b[k] with j + k = i, or = i + 10 against b19 = 19·b. */
export function multiplyBody(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    lines.push(`  /* limb ${i} */`);
    for (let j = 0; j < 10; j++) {
      const k = (i - j + 10) % 10;
      const factor = j > i ? `b19[${k}]` : `b[${k}]`;
      lines.push(term(j, factor, j % 2 === 1 && k % 2 === 1 ? 1 : 0));
    }
    lines.push(...carry(i));
  }
  return lines;
}

/** gf_sqr: a[j]·a[k] for j ≤ k, doubled when j ≠ k, against a19 = 19·a past limb 9. */
export function squareBody(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    lines.push(`  /* limb ${i} */`);
    for (let j = 0; j < 10; j++)
      for (let k = j; k < 10; k++) {
        if (j + k !== i && j + k !== i + 10) continue;
        const factor = j + k === i ? `a[${k}]` : `a19[${k}]`;
        lines.push(term(j, factor, (j === k ? 0 : 1) + (j % 2 === 1 && k % 2 === 1 ? 1 : 0)));
      }
    lines.push(...carry(i));
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log((process.argv[2] === 'sqr' ? squareBody() : multiplyBody()).join('\n'));
