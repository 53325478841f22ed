#!/usr/bin/env node
/**
 * @module The `scrutineer` command's entry. The published package runs it compiled
 * (dist/bin.js, plain Node); in the repository bin/scrutineer.mjs runs it from source through tsx
 * (docs/decisions/0005).
 */
import { main } from './main.ts';

process.exitCode = await main(process.argv);
