/**
 * @module Group benchmarks (spec §2.6): operations per second of each backend for the operations
 * the protocol leans on. MSM figures are per point (one call counts n operations), so they compare
 * directly with `multiplyUnsafe`. Inputs are fresh CSPRNG points and scalars, rotated so that no
 * cache sees the same input twice in a row.
 */
import {
  type Group,
  type Point,
  randomBytes,
  randomScalar,
  loadFastestGroup,
  loadGroup,
  type Backend,
} from '@scrutineer/crypto';
import { measure, type BenchResult } from './measure.ts';

/** The measured operations, in table order. */
export const GROUP_BENCH_OPERATIONS = [
  'decodePoint',
  'encodePoint',
  'add',
  'multiplyBase',
  'multiply (variable base)',
  'multiplyUnsafe',
  'multiScalarMultiplyUnsafe per point, n=2',
  'multiScalarMultiplyUnsafe per point, n=64',
  'multiScalarMultiplyUnsafe per point, n=1024',
  'multiScalarMultiplyUnsafe per point, n=16384',
  'pointFromUniformBytes',
] as const;
export type GroupBenchOperation = (typeof GROUP_BENCH_OPERATIONS)[number];

/** The name of one result: `group <operation> [<backend>]`. */
export function groupBenchName(operation: GroupBenchOperation, backend: Backend): string {
  return `group ${operation} [${backend}]`;
}

export interface GroupBenchOptions {
  /** Minimum measuring time per operation and backend (default 1000 ms). */
  readonly minMs?: number;
  readonly backends?: readonly Backend[];
}

/** Inputs shared by both backends, as encodings, so that both measure the same work. */
interface Inputs {
  readonly encodings: readonly Uint8Array[];
  readonly scalars: readonly bigint[];
  readonly uniform: readonly Uint8Array[];
}

const MSM_SIZES = [2, 64, 1024, 16384] as const;
const ROTATION = 64;

async function makeInputs(): Promise<Inputs> {
  // Elements from uniform bytes are as random as k·G and much cheaper to make in noble.
  const noble = await loadGroup('noble');
  const uniform = Array.from({ length: 1024 }, () => randomBytes(64));
  return {
    uniform,
    scalars: Array.from({ length: 1024 }, () => randomScalar()),
    encodings: uniform.map((bytes) => noble.encodePoint(noble.pointFromUniformBytes(bytes))),
  };
}

function benchBackend(group: Group, inputs: Inputs, minMs: number): BenchResult[] {
  const points: Point[] = inputs.encodings.map((bytes) => group.decodePoint(bytes));
  const scalars = inputs.scalars;
  let i = 0;
  const next = (): number => (i = (i + 1) % ROTATION);
  const at = <T>(list: readonly T[], index: number): T => list[index] as T;
  const results: BenchResult[] = [];
  const record = (
    operation: GroupBenchOperation,
    fn: () => unknown,
    operationsPerCall = 1
  ): void => {
    results.push(
      measure(groupBenchName(operation, group.backend), fn, { minMs, operationsPerCall })
    );
  };

  record('decodePoint', () => group.decodePoint(at(inputs.encodings, next())));
  record('encodePoint', () => group.encodePoint(at(points, next())));
  record('add', () => group.add(at(points, next()), at(points, i + 1)));
  record('multiplyBase', () => group.multiplyBase(at(scalars, next())));
  record('multiply (variable base)', () => group.multiply(at(points, next()), at(scalars, i + 1)));
  record('multiplyUnsafe', () => group.multiplyUnsafe(at(points, next()), at(scalars, i + 1)));
  // n = 16384 (a verifier batch) only where it takes less than seconds per call.
  for (const n of MSM_SIZES.filter(
    (size) => size <= 1024 || group.backend === 'native' || group.backend === 'wasm'
  )) {
    // Distinct point objects (decoded again past 1024), so no backend merges repeated terms.
    const msmPoints = Array.from({ length: n }, (_, k) =>
      k < points.length ? at(points, k) : group.decodePoint(at(inputs.encodings, k % 1024))
    );
    const msmScalars = Array.from({ length: n }, (_, k) => at(scalars, k % 1024));
    record(
      `multiScalarMultiplyUnsafe per point, n=${n}`,
      () => group.multiScalarMultiplyUnsafe(msmPoints, msmScalars),
      n
    );
  }
  record('pointFromUniformBytes', () => group.pointFromUniformBytes(at(inputs.uniform, next())));
  return results;
}

/** noble, sodium and wasm, and native when its addon is built (`npm run build:native`). */
export async function availableBackends(): Promise<Backend[]> {
  const native = await loadFastestGroup();
  return native.backend === 'native'
    ? ['noble', 'sodium', 'wasm', 'native']
    : ['noble', 'sodium', 'wasm'];
}

/** Measures every operation of {@link GROUP_BENCH_OPERATIONS} on each backend. */
export async function benchGroup(options: GroupBenchOptions = {}): Promise<BenchResult[]> {
  const minMs = options.minMs ?? 1000;
  const inputs = await makeInputs();
  const results: BenchResult[] = [];
  for (const backend of options.backends ?? (await availableBackends())) {
    results.push(...benchBackend(await loadGroup(backend), inputs, minMs));
  }
  return results;
}
