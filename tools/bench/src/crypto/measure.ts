/**
 * @module A tiny benchmark helper shared by every bench in this package: run a function in
 * calibrated batches for at least `minMs` and report operations per second. Benches are scripts
 * run on demand (`npm run bench`), never part of `check`; they may read the clock, unlike `src/`.
 */

/** One measured number. */
export interface BenchResult {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly unit: 'ops/s';
}

export interface MeasureOptions {
  /** Minimum measuring time after warm-up, in milliseconds (default 500). */
  readonly minMs?: number;
  /** How many operations one call performs, e.g. the points of one MSM (default 1). */
  readonly operationsPerCall?: number;
}

/** Keeps results reachable so that no engine can drop the measured calls as dead code. */
let sink: unknown;

/** Calls per batch such that one batch takes about a millisecond (fewer clock reads per call). */
function calibrate(run: (calls: number) => void): number {
  for (let calls = 1; ; calls *= 2) {
    const start = performance.now();
    run(calls);
    if (performance.now() - start >= 1 || calls >= 2 ** 20) return calls;
  }
}

/**
 * Measures a synchronous `fn`: warms it up (calibration plus a tenth of `minMs`), then calls it in
 * batches until `minMs` have passed.
 * @example measure('encodePoint', () => group.encodePoint(point), { minMs: 1000 })
 */
export function measure(
  name: string,
  fn: () => unknown,
  options: MeasureOptions = {}
): BenchResult {
  const minMs = options.minMs ?? 500;
  const run = (calls: number): void => {
    for (let i = 0; i < calls; i++) sink = fn();
  };
  const batch = calibrate(run);
  const warmUpEnd = performance.now() + minMs / 10;
  while (performance.now() < warmUpEnd) run(batch);

  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    run(batch);
    calls += batch;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return result(name, calls, elapsed, options);
}

/** Measures an asynchronous `fn` one awaited call at a time (for I/O-shaped work, not µs ops). */
export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  options: MeasureOptions = {}
): Promise<BenchResult> {
  const minMs = options.minMs ?? 500;
  const warmUpEnd = performance.now() + minMs / 10;
  do sink = await fn();
  while (performance.now() < warmUpEnd);

  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink = await fn();
    calls += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return result(name, calls, elapsed, options);
}

function result(
  name: string,
  calls: number,
  elapsedMs: number,
  options: MeasureOptions
): BenchResult {
  if (sink === Symbol.for('never')) throw new Error('unreachable'); // reads the sink once
  const operations = calls * (options.operationsPerCall ?? 1);
  return { name, opsPerSecond: operations / (elapsedMs / 1000), unit: 'ops/s' };
}

/** Formats ops/s to three significant figures with thousands separators: 12,300 or 4.56. */
export function formatOpsPerSecond(opsPerSecond: number): string {
  return Number(opsPerSecond.toPrecision(3)).toLocaleString('en-US');
}
