#!/usr/bin/env node
// The `scrutineer` command in the repository: Node 20 cannot run TypeScript itself, so register
// tsx, then run the sources (src/bin.ts). The published package runs dist/bin.js instead.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
