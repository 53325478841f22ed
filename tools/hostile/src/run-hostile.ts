/**
 * @module The hostile-input runner (docs/threat-model.md I1): each kind is a fast-check arbitrary of
 * malformed requests and the one catalogue code every one of them must get. For each generated
 * case it asserts that code and its HTTP status (so a crash, a 500, a vague code or an acceptance
 * fails, and fast-check shrinks it to a minimal case); after each kind it asserts that nothing a
 * refusal may not touch has changed. Checking once per kind is enough: board heads, credential
 * uses, stored ballots and failed-attempt counters only grow under the requests sent here (no
 * kind signs in successfully), so any change in between would still show at the end. It times
 * each rejection (wall time of the request through the whole HTTP stack) for the script's report;
 * the tests assert no timing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type ErrorCode, httpStatus } from '@scrutineer/server';
import { type HostileFixture, snapshot } from './hostile-fixture.ts';
import { type HostileRequest, inject } from './inject.ts';

export interface HostileKind<T> {
  /** Kebab-case name, unique. */
  readonly name: string;
  /** The attack or input class of docs/threat-model.md it answers (A…, I1). */
  readonly threat: string;
  readonly code: ErrorCode;
  readonly arbitrary: (fixture: HostileFixture) => fc.Arbitrary<T>;
  readonly request: (fixture: HostileFixture, value: T) => HostileRequest | Promise<HostileRequest>;
}

/** Erases a kind's case type, so kinds of different types share a list. */
export function hostileKind<T>(kind: HostileKind<T>): HostileKind<unknown> {
  return kind as HostileKind<unknown>;
}

export interface KindReport {
  readonly name: string;
  readonly threat: string;
  readonly code: ErrorCode;
  readonly runs: number;
  /** Wall time a request, milliseconds. */
  readonly wall: Stats;
  /** CPU time a request, milliseconds. */
  readonly cpu: Stats;
}

export interface Stats {
  readonly mean: number;
  readonly p99: number;
  readonly max: number;
}

function statsOf(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

export interface RunOptions {
  readonly runs: number;
  readonly seed?: number;
  /** Called after each kind (the script prints progress). */
  readonly onKind?: (report: KindReport) => void;
}

export async function runHostileKind(
  fixture: HostileFixture,
  kind: HostileKind<unknown>,
  options: RunOptions
): Promise<KindReport> {
  const { app, database } = fixture.server;
  const status = httpStatus(kind.code);
  const before = await snapshot(database);
  const wall: number[] = [];
  const cpu: number[] = [];
  await fc.assert(
    fc.asyncProperty(kind.arbitrary(fixture), async (value) => {
      const response = await inject(app, await kind.request(fixture, value));
      wall.push(response.ms);
      cpu.push(response.cpuMs);
      if (response.code !== kind.code || response.status !== status) {
        throw new Error(
          `${kind.name}: expected ${status} ${kind.code}, got ${response.status} ` +
            JSON.stringify(response.body).slice(0, 400)
        );
      }
    }),
    {
      numRuns: options.runs,
      includeErrorInReport: true,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    }
  );
  assert.equal(await snapshot(database), before, `${kind.name}: a refusal changed the state`);
  const report: KindReport = {
    name: kind.name,
    threat: kind.threat,
    code: kind.code,
    runs: wall.length,
    wall: statsOf(wall),
    cpu: statsOf(cpu),
  };
  options.onKind?.(report);
  return report;
}

/**
 * After every kind: the victim's credential was never used, and it can still cast (201). This
 * consumes the credential, so it is the last step of a run.
 */
export async function assertVictimCanStillCast(fixture: HostileFixture): Promise<void> {
  const { app } = fixture.server;
  const { election, token, ballots } = fixture.open;
  const base = `/api/elections/${election.electionId}`;
  const me = await inject(app, { method: 'GET', url: `${base}/me`, token });
  assert.equal(me.status, 200);
  assert.equal((me.body as { channel: unknown }).channel, null, 'the victim credential was used');
  assert.equal((me.body as { locked: unknown }).locked, false, 'the victim credential is locked');
  const cast = await inject(app, {
    method: 'POST',
    url: `${base}/ballots`,
    token,
    body: { ballot: ballots[0] },
  });
  assert.equal(cast.status, 201, JSON.stringify(cast.body));
}
