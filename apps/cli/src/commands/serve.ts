/**
 * @module `scrutineer serve [--database postgres://…|<dir>] [--port N] [--host 127.0.0.1]` (issue
 * 4): runs the election server and bulletin board. Without --database it keeps its board in an
 * embedded PostgreSQL (PGlite) directory, ./scrutineer-data. Prints the URL it listens on and
 * shuts down cleanly on SIGTERM. The key that may create elections comes from the environment
 * (SCRUTINEER_OPERATOR_KEY or SCRUTINEER_OPERATOR_KEY_HASH), never from the command line.
 * Behind a reverse proxy, --trusted-proxy (repeatable: an address or CIDR) and/or --proxy-hops are
 * required (docs/deployment.md): without them every voter shares the proxy's address, its rate
 * limits and its failed sign-ins. --tls-cert/--tls-key serve HTTPS without a proxy.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadServerPackage } from '../server-package.ts';
import { SERVER_SETTINGS, settingsHelp } from './serve-settings.ts';

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535)
    throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return number;
}

function hops(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10)
    throw new InvalidArgumentError('the proxy hop count is an integer from 1 to 10');
  return number;
}

interface ServeOptions {
  readonly database: string;
  readonly port: number;
  readonly host: string;
  readonly trustedProxy?: string[];
  readonly proxyHops?: number;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the election server and bulletin board')
    .option(
      '--database <location>',
      'a postgres:// URL, or a directory for the embedded engine',
      './scrutineer-data'
    )
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--trusted-proxy <address>',
      'a reverse proxy (address or CIDR) whose X-Forwarded-For is believed; repeat for several',
      (value: string, previous: string[] = []) => [...previous, value]
    )
    .option('--proxy-hops <n>', 'how many trusted proxies at most stand in front', hops)
    .option('--tls-cert <file>', 'PEM certificate chain, to serve HTTPS directly')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .addHelpText(
      'after',
      settingsHelp(
        'Settings from the environment (never argv; docs/operations.md explains each):',
        SERVER_SETTINGS
      ) +
        '\nEndpoints: /api/health (liveness), /api/ready (readiness: database and migrations), /metrics (Prometheus), /api/openapi.json.\n'
    )
    .action(async (options: ServeOptions) => {
      // Loaded here: the server (fastify, PGlite) is large and only this command needs it.
      const { runServer } = await loadServerPackage('scrutineer serve');
      const trusted =
        options.trustedProxy === undefined && options.proxyHops === undefined
          ? {}
          : {
              trustedProxies: {
                ...(options.trustedProxy === undefined ? {} : { addresses: options.trustedProxy }),
                ...(options.proxyHops === undefined ? {} : { hops: options.proxyHops }),
              },
            };
      await runServer({
        database: options.database,
        port: options.port,
        host: options.host,
        ...trusted,
        ...(options.tlsCert === undefined ? {} : { tlsCertFile: options.tlsCert }),
        ...(options.tlsKey === undefined ? {} : { tlsKeyFile: options.tlsKey }),
      });
    });
}
