#!/usr/bin/env node
// The `scrutineer` command. Node 20 cannot run TypeScript itself: register tsx, then load main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
