/**
 * @module `scrutineer serve [--database postgres://…|<dir>] [--port N] [--host 127.0.0.1]` (issue
 * 4): runs the election server and bulletin board. Without --database it keeps its board in an
 * embedded PostgreSQL (PGlite) directory, ./scrutineer-data. Prints the URL it listens on and
 * shuts down cleanly on SIGTERM. The key that may create elections comes from the environment
 * (SCRUTINEER_OPERATOR_KEY or SCRUTINEER_OPERATOR_KEY_HASH), never from the command line.
 */
import { Command, InvalidArgumentError } from 'commander';

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535)
    throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return number;
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
    .action(async (options: { database: string; port: number; host: string }) => {
      // Imported here: the server (fastify, PGlite) is large and only this command needs it.
      const { runServer } = await import('@scrutineer/server');
      await runServer({ database: options.database, port: options.port, host: options.host });
    });
}
