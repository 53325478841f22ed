/**
 * @module `npm start` (in apps/server): the same options as `scrutineer serve`.
 * `tsx src/main.ts [--database postgres://…|<dir>] [--port N] [--host 127.0.0.1]`
 */
import { parseArgs } from 'node:util';
import { runServer } from './run-server.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});
await runServer({
  ...(values.database === undefined ? {} : { database: values.database }),
  ...(values.port === undefined ? {} : { port: Number(values.port) }),
  ...(values.host === undefined ? {} : { host: values.host }),
});
