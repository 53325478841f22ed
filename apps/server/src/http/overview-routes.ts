/**
 * @module Public overview routes (the contract's overview endpoints): the list of elections the server
 * holds (for its home page), turnout by hour (counts of voters by channel, never per candidate:
 * the threat model), the declaration once the result is published (spec §9.9), and readiness
 * for a load balancer (`/api/ready`: the database answers and every migration this build knows is
 * applied; `/api/health` stays the liveness check).
 */
import { DECLARATION_EVENT_TYPES, declareResult, parseCanonicalJson } from '@scrutineer/record';
import type { DeclarationEvent } from '@scrutineer/record';
import { readHead } from '../board/board-head.ts';
import { toNumber } from '../database/database.ts';
import { listMigrations } from '../database/migrate.ts';
import { ServiceError } from '../http-errors.ts';
import type { AppContext } from './app-context.ts';
import { type RouteSpec, implement } from './route-spec.ts';

/** At most this many elections are listed, newest first. */
const LIST_LIMIT = 200;

/** Events the declaration reads (spec §9.9); ballots are not among them. */
export function overviewRoutes(context: AppContext): RouteSpec[] {
  const database = context.service.database;
  const elections = context.service.elections;
  const migrations = listMigrations().length;
  return [
    implement('elections', async () => {
      const rows = await database.query<{ election_id: string; stage: string }>(
        `SELECT e.election_id, h.stage FROM elections e JOIN board_heads h USING (election_id)
          ORDER BY e.created_at DESC LIMIT ${LIST_LIMIT}`
      );
      const listed = await Promise.all(
        rows.map(async (row) => {
          const { manifest } = await elections.get(row.election_id);
          return {
            electionId: row.election_id,
            title: manifest.title,
            organisation: manifest.organisation,
            stage: row.stage,
            opens: manifest.window.opens,
            closes: manifest.window.closes,
          };
        })
      );
      return { elections: listed };
    }),
    implement('hourlyTurnout', async ({ params }) => {
      await readHead(database, params.electionId);
      const rows = await database.query<{ hour: string; channel: string; voters: unknown }>(
        `SELECT substr(first_time, 1, 13) AS hour, 'online' AS channel, count(*) AS voters
           FROM (SELECT min(time) AS first_time FROM ballots
                  WHERE election_id = $1 AND kind = 'cast' GROUP BY credential) AS firsts
          GROUP BY 1
         UNION ALL
         SELECT substr(time, 1, 13), 'postal', count(*) FROM events
          WHERE election_id = $1 AND type = 'postal-received' GROUP BY 1`,
        [params.electionId]
      );
      const hours = new Map<string, { hour: string; online: number; postal: number }>();
      for (const row of rows) {
        const entry = hours.get(row.hour) ?? { hour: row.hour, online: 0, postal: 0 };
        if (row.channel === 'online') entry.online += toNumber(row.voters);
        else entry.postal += toNumber(row.voters);
        hours.set(row.hour, entry);
      }
      return { hours: [...hours.values()].sort((a, b) => a.hour.localeCompare(b.hour)) };
    }),
    implement('declaration', async ({ params }) => {
      const { manifest } = await elections.get(params.electionId);
      const rows = await database.query<{ line: string }>(
        'SELECT line FROM events WHERE election_id = $1 AND type = ANY($2) ORDER BY position',
        [params.electionId, DECLARATION_EVENT_TYPES]
      );
      const events = rows.map((row) => {
        const json = parseCanonicalJson(row.line);
        if (!json.ok) throw new Error('stored line is not canonical');
        return json.value as DeclarationEvent;
      });
      const declaration = declareResult(manifest, events);
      if (declaration === null) throw new ServiceError('election/no-result');
      return declaration;
    }),
    implement('ready', async () => {
      let applied = 0;
      try {
        const rows = await database.query<{ applied: unknown }>(
          'SELECT count(*) AS applied FROM schema_migrations'
        );
        applied = toNumber(rows[0]?.applied ?? 0);
      } catch {
        throw new ServiceError('server/unavailable', 'The database does not answer.');
      }
      if (applied < migrations)
        throw new ServiceError('server/unavailable', 'The database schema is behind this build.');
      return { ready: true, migrations: applied };
    }),
  ];
}
