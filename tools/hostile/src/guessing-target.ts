/**
 * @module The server the guessing attack runs against: a real server listening on loopback with
 * the production limits (600 requests and 30 sign-ins a minute per IP, 10 failures an IP an hour)
 * unless told otherwise, its warnings and errors captured, and an open election whose members
 * hold real codes. Also reads GET /metrics, and signs a real member in afterwards to show the
 * attack locked nobody else out.
 */
import {
  type Database,
  type RunningServer,
  DEFAULT_SIGN_IN_MONITOR,
  type SignInMonitorOptions,
} from '@scrutineer/server';
import {
  signInVoter,
  type TestElection,
  createTestElection,
  startTestServer,
} from '@scrutineer/testkit';
import type { GuessingTarget } from './guessing-attack.ts';

export interface GuessingSetup {
  readonly server: RunningServer;
  readonly election: TestElection;
  readonly target: GuessingTarget;
  /** The server's log lines at level warn and above. */
  readonly logLines: string[];
}

export async function startGuessingTarget(
  database: Database,
  options: { readonly voters?: number; readonly monitor?: SignInMonitorOptions } = {}
): Promise<GuessingSetup> {
  const logLines: string[] = [];
  const server = await startTestServer(database, {
    requestsPerMinute: 600,
    signInPerMinute: 30,
    signInMonitor: options.monitor ?? DEFAULT_SIGN_IN_MONITOR,
    logger: { level: 'warn', stream: { write: (line: string) => void logLines.push(line) } },
  });
  const election = await createTestElection(server.service, { voters: options.voters ?? 20 });
  return {
    server,
    election,
    logLines,
    target: {
      url: server.url,
      electionId: election.electionId,
      manifestHash: election.manifestHash,
      group: server.service.group,
    },
  };
}

/** GET /metrics as name → value. */
export async function readMetrics(
  server: Pick<RunningServer, 'url'>
): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const metrics = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+) (\S+)$/.exec(line);
    if (match !== null) metrics.set(match[1] as string, Number(match[2]));
  }
  return metrics;
}

/** A real member signing in from 127.0.0.1, an address the attack never used: the status. */
export async function honestSignInStatus(setup: GuessingSetup): Promise<number> {
  const voter = setup.election.voters[0];
  if (voter === undefined) throw new Error('the election has no voters');
  return (await signInVoter(setup.server, setup.election, voter)).status;
}
