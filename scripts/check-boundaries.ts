/**
 * `npm run boundaries [-- --root DIR]`: enforces the dependency rules of docs/architecture.md on
 * every workspace and on scripts/ (rules in scripts/boundaries/rules.ts, checks in
 * scripts/boundaries/check.ts). Exits 1 with one line per breach.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBoundaries } from './boundaries/check.ts';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = resolve(values.root ?? resolve(import.meta.dirname, '..'));
const problems = checkBoundaries(root);
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`check-boundaries: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('check-boundaries: all imports follow the arrows');
