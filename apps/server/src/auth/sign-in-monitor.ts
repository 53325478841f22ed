/**
 * @module Watching failed sign-ins (threats guide §4.5, B2–B3): a per-IP limit on failures (an IP
 * that failed too often in the last hour is refused before any work), a running count for the
 * metrics endpoint, and an alarm — one `error` log line, repeated at most every ten minutes — when
 * failures in the last hour exceed a multiple of the expected (typo) baseline. IPs live only in
 * this process's memory and are never logged. With several instances each counts its own share
 * (a shared counter is left for later; the per-credential lockout is in the database).
 */
import type { Logger } from '../service-context.ts';

export interface SignInMonitorOptions {
  /** Failures one IP may have in an hour before it is refused (B2: 10). */
  readonly maxFailuresPerIpPerHour: number;
  /** Expected failures an hour from typos alone. */
  readonly baselineFailuresPerHour: number;
  /** Alarm when failures in the last hour exceed this multiple of the baseline (B3: 5). */
  readonly alarmMultiple: number;
}

export const DEFAULT_SIGN_IN_MONITOR: SignInMonitorOptions = {
  maxFailuresPerIpPerHour: 10,
  baselineFailuresPerHour: 100,
  alarmMultiple: 5,
};

const HOUR_MS = 3_600_000;
const ALARM_REPEAT_MS = 600_000;

export class SignInMonitor {
  readonly #options: SignInMonitorOptions;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #byIp = new Map<string, number[]>();
  /** Failure times in the last hour, oldest first. */
  #recent: number[] = [];
  #lastAlarm = -Infinity;
  failuresTotal = 0;
  alarmsTotal = 0;

  constructor(options: SignInMonitorOptions, logger: Logger, now: () => number = Date.now) {
    this.#options = options;
    this.#logger = logger;
    this.#now = now;
  }

  /** Whether this IP may try to sign in now. */
  allows(ip: string): boolean {
    const failures = this.#prune(this.#byIp.get(ip));
    if (failures.length === 0) this.#byIp.delete(ip);
    return failures.length < this.#options.maxFailuresPerIpPerHour;
  }

  recordFailure(ip: string): void {
    const now = this.#now();
    this.failuresTotal++;
    const failures = this.#prune(this.#byIp.get(ip));
    failures.push(now);
    this.#byIp.set(ip, failures);
    this.#recent = this.#prune(this.#recent);
    this.#recent.push(now);
    const threshold = this.#options.alarmMultiple * this.#options.baselineFailuresPerHour;
    if (this.#recent.length > threshold && now - this.#lastAlarm >= ALARM_REPEAT_MS) {
      this.#lastAlarm = now;
      this.alarmsTotal++;
      this.#logger.error(
        {
          alarm: 'sign-in-failures',
          failuresLastHour: this.#recent.length,
          baselinePerHour: this.#options.baselineFailuresPerHour,
        },
        'ALARM: failed sign-ins exceed the alarm threshold'
      );
    }
  }

  #prune(times: number[] | undefined): number[] {
    if (times === undefined) return [];
    const cutoff = this.#now() - HOUR_MS;
    let drop = 0;
    while (drop < times.length && (times[drop] as number) <= cutoff) drop++;
    return drop === 0 ? times : times.slice(drop);
  }
}
