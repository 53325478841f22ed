/**
 * @module The fastify application: security headers, per-IP rate limits, the route table, the one
 * error handler that turns every failure into `{ error: { code, message } }` from the catalogue,
 * and logs that never carry codes, answers, tokens, trackers or IP addresses (docs/threat-model.md A27):
 * request logs name the route pattern, not the URL, and no body or header is logged.
 */
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { type Audience, openApiDocument } from '@scrutineer/api-contract';
import { parseCanonicalJson } from '@scrutineer/record';
import {
  DEFAULT_SIGN_IN_MONITOR,
  SignInMonitor,
  type SignInMonitorOptions,
} from '../auth/sign-in-monitor.ts';
import { type ErrorCode, ServiceError, errorBody, httpStatus } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { AdmissionRefusal, CastAdmission } from '../voting/cast-admission.ts';
import type { AppContext } from './app-context.ts';
import { OFFICIAL_BODY_LIMIT, TRUSTEE_BODY_LIMIT, VOTER_SMALL_BODY_LIMIT } from './body-limits.ts';
import { type TrustedProxies, limitKey, trustProxyFunction } from './client-address.ts';
import { officialRoutes } from './official-routes.ts';
import { postalAuditRoutes } from './postal-audit-routes.ts';
import { rankedStagingRoutes } from './ranked-staging-routes.ts';
import { mixerRoutes } from './mixer-routes.ts';
import { DEFAULT_STAGING_LIMITS, type StagingLimits } from '../officials/ranked/ranked-staging.ts';
import { witnessRoutes } from './witness-routes.ts';
import { publicRoutes } from './public-routes.ts';
import { audienceGates } from './audiences.ts';
import { type RouteSpec, implement, registerRoutes } from './route-spec.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { allowBoothOrigins } from './booth-cors.ts';
import { CAST_ROUTE, voterRoutes } from './voter-routes.ts';
import { overviewRoutes } from './overview-routes.ts';
import { registerWebPages } from './web-pages.ts';

export interface AppOptions {
  /** SHA-256 hex of the operator key that may create elections; omit to disable creation over HTTP. */
  readonly operatorKeyHash?: string | undefined;
  /** Requests per minute per IP, all routes (default 600). */
  readonly requestsPerMinute?: number;
  /** Sign-in and challenge requests per minute per IP (default 30). */
  readonly signInPerMinute?: number;
  readonly signInMonitor?: SignInMonitorOptions;
  /**
   * Public and voter request bodies other than ballots (default 16 KiB); casts and audits take
   * the largest ballot the manifest schema allows (body-limits.ts).
   */
  readonly bodyLimit?: number;
  /** Officers' and the operator's bodies, read once their key is checked (default 8 MiB). */
  readonly officialBodyLimit?: number;
  /**
   * The ranked phase's limits (spec §11.8): one request's body on the ranked routes (a whole
   * step, or one staged part; default 128 MiB), a step's staged parts (default 1 GiB) and how
   * long an untouched staging is kept (default 48 h).
   */
  readonly rankedStaging?: Partial<StagingLimits>;
  /** Casts verified and appended at once (default 64); 3× as many may wait, more get 503. */
  readonly maxCastsInFlight?: number;
  /**
   * The reverse proxies in front of the server (required behind one: docs/deployment.md). The
   * client address is taken from X-Forwarded-For only through these hops; without the setting
   * the header is ignored and the socket's peer is the client.
   */
  readonly trustedProxies?: TrustedProxies;
  /**
   * The bearer token GET /metrics needs; without one, /metrics answers only requests from a
   * loopback address that came through no proxy (no X-Forwarded-For).
   */
  readonly metricsToken?: string;
  /**
   * Origins of independent mirrors serving the booth against this API (spec §10.7.4): their
   * pages may call `/api/` across origins (booth-cors.ts). Default none.
   */
  readonly boothOrigins?: readonly string[];
  /**
   * Serve HTTPS with this PEM certificate chain and key. Usually the reverse proxy terminates TLS
   * and the server listens on loopback in plain HTTP (docs/deployment.md); this is for a server
   * reached directly, or a proxy that re-encrypts.
   */
  readonly tls?: { readonly cert: string; readonly key: string };
  /**
   * Check every answer against its endpoint's response schema and status, and answer a breach
   * with a 500 and an error in the log (default: under test, NODE_ENV=test or node's test
   * runner). A test whose handler breaks the contract then fails.
   */
  readonly checkResponses?: boolean;
  /** pino options; false for silence. */
  readonly logger?:
    { readonly level?: string; readonly stream?: { write(line: string): void } } | false;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request/body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request/unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request/invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request/invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request/invalid-body',
};

function errorCodeOf(error: FastifyError): ErrorCode {
  const mapped = FASTIFY_CODES[error.code];
  if (mapped !== undefined) return mapped;
  if (error instanceof SyntaxError && error.statusCode === 400) return 'request/invalid-json';
  if (error.statusCode === 429) return 'request/rate-limited';
  if (error.statusCode === 413) return 'request/body-too-large';
  if (error.statusCode === 415) return 'request/unsupported-media-type';
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return 'request/invalid-body';
  const cause = (error as { code?: string }).code ?? '';
  // The store unreachable, restarting or shutting down (57P01–57P03), out of disk (53100), or a
  // connection cut mid-query (pg reports that without a code): the request may be retried.
  if (
    ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '53100', '53300'].includes(cause) ||
    cause.startsWith('08') ||
    /^Connection terminated/.test(error.message)
  )
    return 'server/unavailable';
  return 'server/internal-error';
}

/** Whether JSON.stringify gives back `text` (false when `value` nests too deep for its stack). */
function reserialisesTo(value: unknown, text: string): boolean {
  try {
    return JSON.stringify(value) === text;
  } catch {
    return false;
  }
}

/**
 * fastify's JSON parser (prototype poisoning refused), plus: a body with two equal keys in one
 * object is refused as `request/invalid-json`. JSON.parse silently keeps the last of them, so the
 * ballot the board verifies and records could differ from the one a lenient reader of the same
 * bytes sees (spec §10.1.2 rule 8, I-JSON). A body that re-serialises to itself has no duplicate
 * (what JSON.stringify writes never has one), so only other spellings pay for the text scan.
 */
function refuseDuplicateKeys(app: FastifyInstance, bodyLimit: number): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser<string>(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, text, done) => {
      // The default parser is the callback kind (its type also allows a promise, never returned).
      void parseJson(request, text, (error, value) => {
        if (error !== null) return done(error, undefined);
        if (reserialisesTo(value, text)) return done(null, value);
        // Only the duplicate-key verdict is wanted: a request need not be canonical JSON.
        const scanned = parseCanonicalJson(text);
        if (!scanned.ok && scanned.error.code === 'record/duplicate-key') {
          const where = scanned.error.path ?? '';
          return done(
            new ServiceError('request/invalid-json', `${where}: ${scanned.error.message}`),
            undefined
          );
        }
        return done(null, value);
      });
    }
  );
}

export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly context: AppContext;
  readonly routes: readonly RouteSpec[];
}

/**
 * One access line per request ("request completed", with the route, status and time) instead of
 * fastify's two: at hundreds of casts a second each line is a write to the log. Error lines stay.
 */
class CompletedRequestsOnly extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Whether this process runs under test (NODE_ENV=test, or node's test runner and its children). */
function underTest(): boolean {
  return process.env['NODE_ENV'] === 'test' || process.env['NODE_TEST_CONTEXT'] !== undefined;
}

/** Builds the app; `makeService` receives the app's logger (pino) for the service layer. */
export async function buildApp(
  makeService: (logger: FastifyInstance['log']) => ServiceContext,
  options: AppOptions = {}
): Promise<BuiltApp> {
  const bodyLimit = options.bodyLimit ?? VOTER_SMALL_BODY_LIMIT;
  const logger: FastifyServerOptions['logger'] =
    options.logger === false
      ? false
      : {
          level: options.logger?.level ?? 'info',
          ...(options.logger?.stream === undefined ? {} : { stream: options.logger.stream }),
          serializers: {
            req: (request: FastifyRequest) => ({
              method: request.method,
              route: request.routeOptions?.url ?? 'unknown',
            }),
            res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
          },
        };
  const app: FastifyInstance = Fastify({
    ...(options.tls === undefined
      ? {}
      : { https: { cert: options.tls.cert, key: options.tls.key } }),
    bodyLimit,
    trustProxy: trustProxyFunction(options.trustedProxies),
    logger,
    logController: new CompletedRequestsOnly(),
  });
  // JSON only: fastify also parses text/plain by default, which would answer a text body with a
  // vague schema error instead of 415 (and text/plain is the content type a cross-site form can send).
  app.removeContentTypeParser('text/plain');
  refuseDuplicateKeys(app, bodyLimit);
  const service = makeService(app.log);
  const context: AppContext = {
    service,
    monitor: new SignInMonitor(
      service.database,
      {
        ...DEFAULT_SIGN_IN_MONITOR,
        maxAttemptsPerIpPerMinute: options.signInPerMinute ?? 30,
        ...options.signInMonitor,
      },
      app.log
    ),
    operatorKeyHash: options.operatorKeyHash,
    counters: { ballotsCast: 0, ballotsRefused: 0 },
    castAdmission: new CastAdmission(options.maxCastsInFlight),
    rankedStaging: { ...DEFAULT_STAGING_LIMITS, ...options.rankedStaging },
  };

  addSecurityHeaders(app);
  allowBoothOrigins(app, options.boothOrigins ?? []);
  // Overload: a cast that admission control would refuse is refused before its body is
  // read or its session checked, so that refusing stays cheap when most requests are refused.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      if (request.method === 'POST' && request.routeOptions.url === CAST_ROUTE)
        context.castAdmission.refuseIfFull();
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: options.requestsPerMinute ?? 600,
    timeWindow: 60_000,
    // An IPv4 address or an IPv6 /64 (client-address.ts), as for the sign-in limits.
    keyGenerator: (request) => limitKey(request.ip),
    errorResponseBuilder: (_request, limit) =>
      new ServiceError('request/rate-limited', `Too many requests; try again in ${limit.after}.`),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code = error instanceof ServiceError ? error.code : errorCodeOf(error);
    const message = error instanceof ServiceError ? error.message : undefined;
    if (code === 'server/internal-error' || code === 'server/unavailable') {
      request.log.error(
        { err: { type: error.name, message: error.message, stack: error.stack } },
        'request failed'
      );
    }
    // A busy or restarting store, or a full cast queue: tell clients when to come back (threats
    // guide A23); the admission gate's refusals drain fastest, so they say so.
    if (code === 'server/unavailable') {
      const seconds = error instanceof AdmissionRefusal ? error.retryAfterSeconds : 5;
      void reply.header('retry-after', String(seconds));
    }
    // Refused before its body was read (a key or session checked first, a body over the limit):
    // close the connection rather than let Node read and discard the rest to keep it alive, so
    // an outsider's megabytes stop at the socket (F8: the review's 8 MiB bodies, back to back).
    if (request.body === undefined && Number(request.headers['content-length'] ?? 0) > 0)
      void reply.header('connection', 'close');
    void reply.code(httpStatus(code)).send(errorBody(code, message));
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send(errorBody('request/not-found'));
  });

  const routes: RouteSpec[] = [
    implement('health', async () => {
      await service.database.query('SELECT 1');
      return { ok: true };
    }),
    implement('openapi', () => Promise.resolve(openApiDocument())),
    implement('metrics', async () =>
      [
        ...(await context.monitor.metricLines()),
        `scrutineer_ballots_cast_total ${context.counters.ballotsCast}`,
        `scrutineer_ballots_refused_total ${context.counters.ballotsRefused}`,
        `scrutineer_casts_in_flight ${context.castAdmission.inFlight}`,
        `scrutineer_casts_waiting ${context.castAdmission.waiting}`,
        `scrutineer_casts_shed_total ${context.castAdmission.refusedTotal}`,
        '',
      ].join('\n')
    ),
    ...publicRoutes(context),
    ...overviewRoutes(context),
    ...voterRoutes(context, options.signInPerMinute ?? 30),
    ...officialRoutes(context),
    ...postalAuditRoutes(context),
    ...rankedStagingRoutes(context),
    ...mixerRoutes(context),
    ...witnessRoutes(context),
  ];
  const officialLimit = options.officialBodyLimit ?? OFFICIAL_BODY_LIMIT;
  const limits: Record<Audience, number> = {
    public: bodyLimit,
    voter: bodyLimit,
    metrics: bodyLimit,
    trustee: TRUSTEE_BODY_LIMIT,
    // A mixer's commit or discard; a mix or a part has the ranked request limit (mixer-routes.ts).
    mixer: bodyLimit,
    officer: officialLimit,
    operator: officialLimit,
  };
  registerRoutes(app, routes, {
    gates: audienceGates(context, options.metricsToken),
    bodyLimit: (audience) => limits[audience],
    checkResponses: options.checkResponses ?? underTest(),
  });
  registerWebPages(app);
  return { app, context, routes };
}
