/**
 * @module Watching failed sign-ins (docs/threat-model.md B2–B3): a per-address limit on failures
 * (an address that failed too often in the last hour is refused before any work) and on attempts
 * a minute, running counts for the metrics endpoint (`metricLines`), and an alarm — one `error`
 * log line, repeated at most every ten minutes per instance — when failures in the last hour
 * exceed a multiple of the expected (typo) baseline.
 *
 * The state lives in the database (`sign_in_attempts`, migration 0004), so every server instance
 * behind a load balancer sees the same counts: with per-process maps, N instances gave an
 * attacker N times the budget. Each attempt is a row, kept an hour and swept by whichever
 * instance notices (at most once a minute each). The address is the limit key of
 * client-address.ts (an IPv4 address or an IPv6 /64), stored only as an HMAC under a random
 * key of the database's own, and never logged. The per-credential lockout is separate
 * (credentials.failed_attempts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { type Database, type Queryable, toBytes, toNumber } from '../database/database.ts';
import type { Logger } from '../service-context.ts';

export interface SignInMonitorOptions {
  /** Failures one address may have in an hour before it is refused (B2: 10). */
  readonly maxFailuresPerIpPerHour: number;
  /** Sign-in attempts one address may start in a minute, whatever their outcome. */
  readonly maxAttemptsPerIpPerMinute?: number;
  /** Expected failures an hour from typos alone. */
  readonly baselineFailuresPerHour: number;
  /** Alarm when failures in the last hour exceed this multiple of the baseline (B3: 5). */
  readonly alarmMultiple: number;
}

export const DEFAULT_SIGN_IN_MONITOR: SignInMonitorOptions = {
  maxFailuresPerIpPerHour: 10,
  maxAttemptsPerIpPerMinute: 30,
  baselineFailuresPerHour: 100,
  alarmMultiple: 5,
};

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const ALARM_REPEAT_MS = 600_000;
/** A pending attempt older than this was abandoned (its instance died): it no longer counts. */
const PENDING_EXPIRY_MS = 120_000;
/** pg_advisory_xact_lock's first key: the class of per-address locks (the second is the address). */
const ADDRESS_LOCK_CLASS = 7311;

export type Refusal = 'too-many-failures' | 'too-many-in-flight' | 'too-many-attempts';

/** One attempt reserved by {@link SignInMonitor.begin}, to be settled. */
export interface Reservation {
  readonly id: string;
}

const at = (index: number): string => `to_timestamp($${index}::double precision / 1000)`;

export class SignInMonitor {
  readonly #database: Database;
  readonly #options: SignInMonitorOptions;
  readonly #logger: Logger;
  readonly #now: () => number;
  #secret: Promise<Uint8Array> | undefined;
  #lastSweep = -Infinity;
  #lastAlarm = -Infinity;
  failuresTotal = 0;
  alarmsTotal = 0;
  /** Sign-ins refused before any work because of their address. */
  refusedTotal = 0;

  constructor(
    database: Database,
    options: SignInMonitorOptions,
    logger: Logger,
    now: () => number = Date.now
  ) {
    this.#database = database;
    this.#options = options;
    this.#logger = logger;
    this.#now = now;
  }

  /**
   * Reserves one sign-in attempt for the address with limit key `key`, or says why not: its
   * failures in the last hour reached the limit, or they plus its attempts in flight did, or it
   * started too many attempts this minute. An attempt in flight counts as a failure until
   * {@link settle}: checking failures alone let a burst of concurrent guesses from one address
   * all pass before the first failure was recorded. The refusals are told apart because members
   * behind one address (an office, a hustings' Wi-Fi) who merely sign in at once failed nothing.
   * Per-address lock: instances reserving for one address at once are serialised.
   */
  async begin(key: string): Promise<Reservation | Refusal> {
    const addressKey = await this.addressKey(key);
    const now = this.#now();
    await this.#sweepIfDue(now);
    const outcome = await this.#database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        ADDRESS_LOCK_CLASS,
        addressKey,
      ]);
      const [counts] = await tx.query<{ failed: unknown; pending: unknown; recent: unknown }>(
        `SELECT count(*) FILTER (WHERE state = 'failed') AS failed,
                count(*) FILTER (WHERE state = 'pending' AND started_at > ${at(3)}) AS pending,
                count(*) FILTER (WHERE started_at > ${at(4)}) AS recent
           FROM sign_in_attempts WHERE address_key = $1 AND started_at > ${at(2)}`,
        [addressKey, now - HOUR_MS, now - PENDING_EXPIRY_MS, now - MINUTE_MS]
      );
      const failed = toNumber(counts?.failed ?? 0);
      const pending = toNumber(counts?.pending ?? 0);
      const limit = this.#options.maxFailuresPerIpPerHour;
      if (failed >= limit) return 'too-many-failures';
      if (failed + pending >= limit) return 'too-many-in-flight';
      const perMinute = this.#options.maxAttemptsPerIpPerMinute ?? Infinity;
      if (toNumber(counts?.recent ?? 0) >= perMinute) return 'too-many-attempts';
      const [row] = await tx.query<{ id: unknown }>(
        `INSERT INTO sign_in_attempts (address_key, state, started_at)
         VALUES ($1, 'pending', ${at(2)}) RETURNING id`,
        [addressKey, now]
      );
      return { id: String(row?.id) };
    });
    if (typeof outcome === 'string') this.refusedTotal++;
    return outcome;
  }

  /** Ends an attempt {@link begin} reserved; a failed one is recorded, and may raise the alarm. */
  async settle(reservation: Reservation, failed: boolean): Promise<void> {
    await this.#database.query('UPDATE sign_in_attempts SET state = $2 WHERE id = $1', [
      reservation.id,
      failed ? 'failed' : 'ok',
    ]);
    if (failed) await this.#failed();
  }

  /**
   * Whether the address has used up its failures for the hour: officials' routes ask this before
   * checking a key, so an address guessing the officer's key is stopped as a code guesser is.
   */
  async failedTooOften(key: string): Promise<boolean> {
    const addressKey = await this.addressKey(key);
    const [row] = await this.#database.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM sign_in_attempts
         WHERE address_key = $1 AND state = 'failed' AND started_at > ${at(2)} LIMIT $3) AS failed`,
      [addressKey, this.#now() - HOUR_MS, this.#options.maxFailuresPerIpPerHour]
    );
    const refused = toNumber(row?.n ?? 0) >= this.#options.maxFailuresPerIpPerHour;
    if (refused) this.refusedTotal++;
    return refused;
  }

  /** Records a failure that needed no reservation (a wrong officer or operator key). */
  async recordFailure(key: string): Promise<void> {
    const addressKey = await this.addressKey(key);
    await this.#database.query(
      `INSERT INTO sign_in_attempts (address_key, state, started_at) VALUES ($1, 'failed', ${at(2)})`,
      [addressKey, this.#now()]
    );
    await this.#failed();
  }

  /** Counts a failure, and raises the alarm if failures in the last hour are above the threshold. */
  async #failed(): Promise<void> {
    this.failuresTotal++;
    const now = this.#now();
    if (now - this.#lastAlarm < ALARM_REPEAT_MS) return;
    // Counted only up to just past the threshold: under a long attack a full count would grow
    // with every failure (the exact figure is for the metrics scrape, `state`).
    const failuresLastHour = await this.#failuresLastHour(
      this.#database,
      now,
      this.#threshold() + 1
    );
    if (failuresLastHour > this.#threshold()) {
      this.#lastAlarm = now;
      this.alarmsTotal++;
      this.#logger.error(
        {
          alarm: 'sign-in-failures',
          failuresLastHour,
          baselinePerHour: this.#options.baselineFailuresPerHour,
        },
        'ALARM: failed sign-ins exceed the alarm threshold'
      );
    }
  }

  /** Failures in the last hour (all instances), and whether they are above the alarm threshold. */
  async state(): Promise<{ readonly failuresLastHour: number; readonly alarmActive: boolean }> {
    const failuresLastHour = await this.#failuresLastHour(this.#database, this.#now());
    return { failuresLastHour, alarmActive: failuresLastHour > this.#threshold() };
  }

  /** This monitor's lines of the Prometheus text format (GET /metrics). */
  async metricLines(): Promise<string[]> {
    const { failuresLastHour, alarmActive } = await this.state();
    const metric = (name: string, type: string, help: string, value: number) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      `${name} ${value}`,
    ];
    return [
      ...metric(
        'scrutineer_sign_in_failures_total',
        'counter',
        'Failed sign-ins (this instance).',
        this.failuresTotal
      ),
      ...metric(
        'scrutineer_sign_in_failures_last_hour',
        'gauge',
        'Failed sign-ins in the last hour (all instances).',
        failuresLastHour
      ),
      ...metric(
        'scrutineer_sign_in_refused_total',
        'counter',
        'Sign-ins refused by the per-address limits (this instance).',
        this.refusedTotal
      ),
      ...metric(
        'scrutineer_sign_in_alarms_total',
        'counter',
        'Alarms raised (log lines, this instance).',
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

  /** Rows of attempts older than an hour, whatever their state: nothing reads them (F18). */
  async sweep(): Promise<number> {
    const rows = await this.#database.query(
      `DELETE FROM sign_in_attempts WHERE started_at <= ${at(1)} RETURNING id`,
      [this.#now() - HOUR_MS]
    );
    return rows.length;
  }

  async #sweepIfDue(now: number): Promise<void> {
    if (now - this.#lastSweep < MINUTE_MS) return;
    this.#lastSweep = now;
    await this.sweep();
  }

  async #failuresLastHour(queryable: Queryable, now: number, upTo?: number): Promise<number> {
    const rows = `SELECT 1 FROM sign_in_attempts WHERE state = 'failed' AND started_at > ${at(1)}`;
    const [row] = await queryable.query<{ n: unknown }>(
      upTo === undefined
        ? `SELECT count(*) AS n FROM (${rows}) AS failed`
        : `SELECT count(*) AS n FROM (${rows} LIMIT $2) AS failed`,
      upTo === undefined ? [now - HOUR_MS] : [now - HOUR_MS, upTo]
    );
    return toNumber(row?.n ?? 0);
  }

  #threshold(): number {
    return this.#options.alarmMultiple * this.#options.baselineFailuresPerHour;
  }

  /**
   * The stored form of a limit key: HMAC-SHA-256 under the database's own random key (made by the
   * first instance), so a copy of the database names no address. Also keys the per-address audit limit (audit-limits.ts).
   */
  async addressKey(key: string): Promise<string> {
    this.#secret ??= (async () => {
      await this.#database.query(
        'INSERT INTO address_limit_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
        [randomBytes(32)]
      );
      const [row] = await this.#database.query<{ secret: unknown }>(
        'SELECT secret FROM address_limit_key WHERE id = 1'
      );
      return toBytes(row?.secret);
    })().catch((error: unknown) => {
      this.#secret = undefined;
      throw error;
    });
    return createHmac('sha256', await this.#secret)
      .update(key)
      .digest('base64url');
  }
}
