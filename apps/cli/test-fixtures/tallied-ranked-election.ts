/**
 * @module Test helper: a ranked test election on a suite server, its ballots cast, closed and
 * tallied through the officer's routes, with the CLI's ranked context ready for the ranked phase
 * (spec §11.8): what the ranked command tests share before their first mix.
 */
import type { RunningServer } from '@scrutineer/server';
import { type TestElection, castRankedTestElection } from '@scrutineer/testkit';
import { ServerClient } from '../src/client/server-client.ts';
import type { RankedContext } from '../src/commands/ranked/ranked-actions.ts';

export interface TalliedRankedElection {
  readonly election: TestElection;
  readonly client: ServerClient;
  readonly context: RankedContext;
  readonly asOfficer: { params: { electionId: string }; token: string };
}

export interface TalliedRankedElectionOptions {
  /** Where the context's ranked steps wait on disk (step-spool.ts; default a temp dir). */
  readonly spoolDir?: string;
}

export async function talliedRankedElection(
  server: RunningServer,
  options: TalliedRankedElectionOptions = {}
): Promise<TalliedRankedElection> {
  const election = await castRankedTestElection(server);
  const client = new ServerClient(server.url);
  const asOfficer = { params: { electionId: election.electionId }, token: election.adminKey };
  await client.call('close', asOfficer);
  await client.call('tally', asOfficer);
  const context: RankedContext = {
    client,
    group: election.setup.group,
    electionId: election.electionId,
    adminKey: election.adminKey,
    ...(options.spoolDir === undefined ? {} : { spoolDir: options.spoolDir }),
  };
  return { election, client, context, asOfficer };
}
