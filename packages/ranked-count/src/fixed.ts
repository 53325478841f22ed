/**
 * @module Fixed-point decimals as bigint units (spec §12.2): a value v with d decimal places is
 * the integer v·10^d. Only integer operations; division always says which way it rounds.
 */

export function scale(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

/** ⌊a / b⌋ for a ≥ 0, b > 0. */
export function divDown(a: bigint, b: bigint): bigint {
  return a / b;
}

/** ⌈a / b⌉ for a ≥ 0, b > 0. */
export function divUp(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Units to a decimal string with exactly `decimals` places ("12.50"; "3" when decimals is 0). */
export function format(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const text = decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`;
  return negative ? `-${text}` : text;
}
