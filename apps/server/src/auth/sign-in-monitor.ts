/**
 * @module Watching failed sign-ins (threats guide §4.5, B2–B3): a per-IP limit on failures (an IP
 * that failed too often in the last hour is refused before any work), running counts and the alarm
 * state for the metrics endpoint (`metricLines`), and an alarm — one `error` log line, repeated at most every ten minutes — when
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
  /** Attempts in flight per IP, between `begin` and `settle`. */
  readonly #pending = new Map<string, number>();
  /** Failure times in the last hour, oldest first. */
  #recent: number[] = [];
  #lastAlarm = -Infinity;
  failuresTotal = 0;
  alarmsTotal = 0;
  /** Sign-ins refused before any work because their IP failed too often. */
  refusedTotal = 0;

  constructor(options: SignInMonitorOptions, logger: Logger, now: () => number = Date.now) {
    this.#options = options;
    this.#logger = logger;
    this.#now = now;
  }

  /**
   * Reserves one sign-in attempt for `ip`, or says why not: its failures in the last hour reached
   * the limit, or they plus its attempts in flight did. An attempt in flight counts as a failure
   * until {@link settle}: checking failures alone let a burst of concurrent guesses from one
   * address all pass before the first failure was recorded (30 verified instead of 10; the
   * guessing suite). The two refusals are told apart because members behind one address (an
   * office, a hustings' Wi-Fi) who merely sign in at the same moment have failed nothing.
   */
  begin(ip: string): 'reserved' | 'too-many-failures' | 'too-many-in-flight' {
    const failures = this.#prune(this.#byIp.get(ip));
    if (failures.length === 0) this.#byIp.delete(ip);
    const pending = this.#pending.get(ip) ?? 0;
    const limit = this.#options.maxFailuresPerIpPerHour;
    if (failures.length + pending >= limit) {
      this.refusedTotal++;
      return failures.length >= limit ? 'too-many-failures' : 'too-many-in-flight';
    }
    this.#pending.set(ip, pending + 1);
    return 'reserved';
  }

  /** Ends an attempt {@link begin} reserved; a failed one is recorded. */
  settle(ip: string, failed: boolean): void {
    const pending = (this.#pending.get(ip) ?? 1) - 1;
    if (pending > 0) this.#pending.set(ip, pending);
    else this.#pending.delete(ip);
    if (failed) this.recordFailure(ip);
  }

  recordFailure(ip: string): void {
    const now = this.#now();
    this.failuresTotal++;
    const failures = this.#prune(this.#byIp.get(ip));
    failures.push(now);
    this.#byIp.set(ip, failures);
    this.#recent = this.#prune(this.#recent);
    this.#recent.push(now);
    if (this.#recent.length > this.#threshold() && now - this.#lastAlarm >= ALARM_REPEAT_MS) {
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

  /** Failures in the last hour, and whether they are above the alarm threshold now. */
  state(): { readonly failuresLastHour: number; readonly alarmActive: boolean } {
    this.#recent = this.#prune(this.#recent);
    return {
      failuresLastHour: this.#recent.length,
      alarmActive: this.#recent.length > this.#threshold(),
    };
  }

  /** This monitor's lines of the Prometheus text format (GET /metrics). */
  metricLines(): string[] {
    const { failuresLastHour, alarmActive } = this.state();
    const metric = (name: string, type: string, help: string, value: number) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      `${name} ${value}`,
    ];
    return [
      ...metric(
        'scrutineer_sign_in_failures_total',
        'counter',
        'Failed sign-ins.',
        this.failuresTotal
      ),
      ...metric(
        'scrutineer_sign_in_failures_last_hour',
        'gauge',
        'Failed sign-ins in the last hour.',
        failuresLastHour
      ),
      ...metric(
        'scrutineer_sign_in_refused_total',
        'counter',
        'Sign-ins refused by the per-IP failure limit.',
        this.refusedTotal
      ),
      ...metric(
        'scrutineer_sign_in_alarms_total',
        'counter',
        'Alarms raised (log lines).',
        this.alarmsTotal
      ),
      ...metric(
        'scrutineer_sign_in_alarm_active',
        'gauge',
        '1 while failures in the last hour exceed the alarm threshold.',
        alarmActive ? 1 : 0
      ),
    ];
  }

  #threshold(): number {
    return this.#options.alarmMultiple * this.#options.baselineFailuresPerHour;
  }

  #prune(times: number[] | undefined): number[] {
    if (times === undefined) return [];
    const cutoff = this.#now() - HOUR_MS;
    let drop = 0;
    while (drop < times.length && (times[drop] as number) <= cutoff) drop++;
    return drop === 0 ? times : times.slice(drop);
  }
}
