/**
 * @module Every setting of `scrutineer serve` that comes from the environment (run-server.ts reads
 * them), with its default and what it is for: shown by `serve --help` and mirrored in
 * docs/operations.md (a test checks both name every variable the server reads).
 */

export interface EnvironmentSetting {
  readonly name: string;
  readonly fallback: string;
  readonly meaning: string;
}

export const SERVER_SETTINGS: readonly EnvironmentSetting[] = [
  {
    name: 'SCRUTINEER_OPERATOR_KEY',
    fallback: 'none: creating elections over HTTP is off',
    meaning: 'the operator key that may create elections (or give its SHA-256 instead:)',
  },
  {
    name: 'SCRUTINEER_OPERATOR_KEY_HASH',
    fallback: 'none',
    meaning: 'SHA-256 hex of the operator key, so the key itself need not be on the server',
  },
  {
    name: 'SCRUTINEER_BOARD_SECRETS_KEY_FILE',
    fallback: 'none: board keys stored in clear, with a warning',
    meaning: '32-byte hex key file (0600) sealing the board signing and HMAC keys in the database',
  },
  {
    name: 'SCRUTINEER_TRUSTED_PROXIES',
    fallback: 'none',
    meaning: 'comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed',
  },
  {
    name: 'SCRUTINEER_PROXY_HOPS',
    fallback: 'none',
    meaning: 'how many trusted proxies at most stand in front (1-10)',
  },
  {
    name: 'SCRUTINEER_TLS_CERT_FILE',
    fallback: 'none: plain HTTP',
    meaning: 'PEM certificate chain, to serve HTTPS without a proxy',
  },
  { name: 'SCRUTINEER_TLS_KEY_FILE', fallback: 'none', meaning: 'PEM private key of the chain' },
  {
    name: 'SCRUTINEER_REQUESTS_PER_MINUTE',
    fallback: '600',
    meaning: 'requests a minute per client address (IPv4, or IPv6 /64), per instance',
  },
  {
    name: 'SCRUTINEER_SIGN_INS_PER_MINUTE',
    fallback: '30',
    meaning: 'sign-in attempts a minute per client address',
  },
  {
    name: 'SCRUTINEER_VERIFY_THREADS',
    fallback: '0 (checked inline)',
    meaning: 'worker threads checking ballot proofs',
  },
  {
    name: 'SCRUTINEER_MAX_CASTS_IN_FLIGHT',
    fallback: '64',
    meaning: 'casts checked at once; three times as many wait; beyond that 503 + Retry-After',
  },
  {
    name: 'SCRUTINEER_ANSWER_THREADS',
    fallback: '1',
    meaning: 'worker threads checking security answers (Argon2id)',
  },
  {
    name: 'SCRUTINEER_MAX_ANSWER_CHECKS_WAITING',
    fallback: '32',
    meaning: 'answer checks that may wait; beyond that sign-in gets 503 + Retry-After',
  },
  {
    name: 'SCRUTINEER_METRICS_TOKEN',
    fallback: 'none: /metrics from loopback only',
    meaning: 'bearer token a scraper elsewhere presents for /metrics',
  },
  {
    name: 'SCRUTINEER_BOOTH_ORIGINS',
    fallback: 'none: the API answers its own origin only',
    meaning: 'comma-separated origins of booth mirrors whose pages may call /api/ (CORS)',
  },
  {
    name: 'SCRUTINEER_RANKED_REQUEST_LIMIT',
    fallback: '134217728 (128 MiB)',
    meaning:
      'bytes of one request on the ranked routes: a whole mix or round of shares, or one staged part',
  },
  {
    name: 'SCRUTINEER_RANKED_STAGING_LIMIT',
    fallback: '1073741824 (1 GiB)',
    meaning: 'bytes of the staged parts of one ranked step (a mix, or a trustee’s round)',
  },
  {
    name: 'SCRUTINEER_RANKED_STAGING_HOURS',
    fallback: '48',
    meaning: 'hours before an untouched staging of a ranked step is deleted as abandoned',
  },
];

/** The settings as `--help` text. */
export function settingsHelp(title: string, settings: readonly EnvironmentSetting[]): string {
  const width = Math.max(...settings.map((s) => s.name.length));
  const lines = settings.map(
    (s) => `  ${s.name.padEnd(width)}  ${s.meaning} [default: ${s.fallback}]`
  );
  return `\n${title}\n${lines.join('\n')}\n`;
}
