/**
 * @module Runs Debian's `belenios-tool` 2.0 (https://www.belenios.org/) for the side-by-side
 * benchmark: installs it when absent (root with apt only), sets up an election of the same shape
 * as ours (one 1-of-2 question, N voters, 3 trustees), generates ballots, tallies and verifies.
 * Only the documented command line is used (belenios-tool --help, /usr/share/doc/belenios-tool).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Belenios 2.0 has only finite-field groups; BELENIOS-2048 is what its web server uses. */
export const BELENIOS_GROUP = 'BELENIOS-2048';
const TRUSTEES = 3;
// The tool reads /dev/random unless told otherwise, which can block on an idle virtual machine.
const env = { ...process.env, BELENIOS_USE_URANDOM: '1' };

/** The tool's path and version, or why it is not available (and could not be installed). */
export function ensureBelenios(): { ok: true; version: string } | { ok: false; reason: string } {
  const missing = (): string[] =>
    [
      ['belenios-tool', 'command -v belenios-tool'],
      ['time', 'test -x /usr/bin/time'],
    ]
      .filter(([, check]) => spawnSync('sh', ['-c', check ?? 'false']).status !== 0)
      .map(([name]) => name ?? '');
  const needed = missing();
  if (needed.length > 0) {
    const absent = `${needed.join(' and ')} absent`;
    if (process.getuid?.() !== 0) return { ok: false, reason: `${absent} and not root` };
    if (spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0)
      return { ok: false, reason: `${absent} and no apt-get` };
    process.stdout.write(`installing ${needed.join(' ')} (apt-get install -y) …\n`);
    const install = spawnSync('apt-get', ['install', '-y', ...needed], {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status !== 0 || missing().length > 0)
      return {
        ok: false,
        reason: `apt-get install ${needed.join(' ')} failed: ${install.stderr.trim().split('\n').at(-1) ?? ''}`,
      };
  }
  const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'belenios-tool'], {
    encoding: 'utf8',
  });
  return { ok: true, version: version.status === 0 ? version.stdout : 'unknown version' };
}

/** Wall-clock and CPU (user + system) seconds of one run. */
export interface RunTime {
  readonly wallS: number;
  readonly cpuS: number;
}

/**
 * Runs the tool synchronously in `dir` under GNU time (CPU seconds are what a loaded machine
 * distorts least); throws with its stderr on failure.
 */
export function beleniosTimed(
  dir: string,
  args: readonly string[],
  input?: string
): { stdout: string } & RunTime {
  const timing = join(dir, '.time');
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timing, 'belenios-tool', ...args], {
    cwd: dir,
    env,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wallS = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`belenios-tool ${args.join(' ')} failed: ${run.stderr.trim()}`);
  const [user, system] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
  return { stdout: run.stdout, wallS, cpuS: (user ?? Number.NaN) + (system ?? Number.NaN) };
}

/** Runs the tool synchronously in `dir`; throws with its stderr on failure. */
export function belenios(dir: string, args: readonly string[], input?: string): string {
  const run = spawnSync('belenios-tool', args, {
    cwd: dir,
    env,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0)
    throw new Error(`belenios-tool ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return run.stdout;
}

function beleniosAsync(dir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('belenios-tool', args, { cwd: dir, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`belenios-tool ${args[1]} failed: ${Buffer.concat(err).toString()}`))
    );
  });
}

/**
 * Sets up the election in the empty directory `dir`: N credentials, TRUSTEES trustee keys, the
 * election parameters and the archive (`<uuid>.bel`). Returns the private credentials.
 */
export function setupBeleniosElection(
  dir: string,
  voters: number,
  options: { readonly group?: string; readonly questions?: readonly unknown[] } = {}
): string[] {
  const uuid = belenios(dir, ['setup', 'generate-token']).trim();
  const group = `--group=${options.group ?? BELENIOS_GROUP}`;
  writeFileSync(
    join(dir, 'voters.txt'),
    Array.from({ length: voters }, (_, i) => `voter${i}@example.com,voter${i},1\n`).join('')
  );
  belenios(dir, ['setup', 'generate-credentials', `--uuid=${uuid}`, group, '--file=voters.txt']);
  const named = (suffix: string): string => {
    const name = readdirSync(dir).find((f) => f.endsWith(suffix));
    if (name === undefined) throw new Error(`belenios-tool wrote no *${suffix}`);
    return name;
  };
  renameSync(join(dir, named('.pubcreds')), join(dir, 'public_creds.json'));
  const privcreds = readFileSync(join(dir, named('.privcreds')), 'utf8');
  for (let t = 0; t < TRUSTEES; t++) belenios(dir, ['setup', 'generate-trustee-key', group]);
  const publicKeys = readdirSync(dir)
    .filter((f) => f.endsWith('.pubkey'))
    .map((f) => readFileSync(join(dir, f), 'utf8').trim());
  writeFileSync(join(dir, 'public_keys.jsons'), `${publicKeys.join('\n')}\n`);
  belenios(dir, ['setup', 'make-trustees']);
  rmSync(join(dir, 'public_keys.jsons'));
  writeFileSync(
    join(dir, 'questions.json'),
    JSON.stringify({
      description: 'Benchmark',
      name: 'Benchmark',
      questions: options.questions ?? [
        { answers: ['Candidate 1', 'Candidate 2'], min: 1, max: 1, question: 'Leader' },
      ],
    })
  );
  belenios(dir, ['setup', 'make-election', `--uuid=${uuid}`, group, '--template=questions.json']);
  belenios(dir, ['archive', 'init']);
  // Each line is "<voter id> <private credential>".
  return privcreds
    .trim()
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf(' ') + 1));
}

/** Arguments of generate-ballot for `answers` (one array per question, as the tool reads them). */
function ballotArgumentsFor(
  dir: string,
  credential: string,
  answers: readonly (readonly number[])[],
  slot: number
): string[] {
  const credentialFile = join(dir, `cred-${slot}.txt`);
  const choiceFile = join(dir, `choice-${slot}.json`);
  writeFileSync(credentialFile, `${credential}\n`);
  writeFileSync(choiceFile, JSON.stringify(answers));
  return ['election', 'generate-ballot', `--privcred=${credentialFile}`, `--ballot=${choiceFile}`];
}

function ballotArguments(dir: string, credential: string, choice: number, slot: number): string[] {
  return ballotArgumentsFor(dir, credential, [choice === 0 ? [1, 0] : [0, 1]], slot);
}

/** One ballot with the given answers (e.g. a ranking's ranks per candidate) for `credential`. */
export function generateBeleniosBallotWith(
  dir: string,
  credential: string,
  answers: readonly (readonly number[])[],
  slot: number
): Promise<string> {
  return beleniosAsync(dir, ballotArgumentsFor(dir, credential, answers, slot));
}

/** One ballot for candidate `choice` (0 or 1) with the private credential `credential`. */
export function generateBeleniosBallot(
  dir: string,
  credential: string,
  choice: number,
  slot: number
): Promise<string> {
  return beleniosAsync(dir, ballotArguments(dir, credential, choice, slot));
}

/** The same, run synchronously and timed. */
export function generateBeleniosBallotTimed(
  dir: string,
  credential: string,
  choice: number
): { stdout: string } & RunTime {
  return beleniosTimed(dir, ballotArguments(dir, credential, choice, 0));
}

/** Appends a ballot to the archive. */
export function castBeleniosBallot(dir: string, ballot: string): void {
  belenios(dir, ['archive', 'add-event', '--type=Ballot'], ballot);
}

/** Closes the election, tallies, has every trustee decrypt and publishes the result. */
export function tallyBeleniosElection(dir: string): void {
  belenios(dir, ['archive', 'add-event', '--type=EndBallots'], '');
  const tally = belenios(dir, ['election', 'compute-encrypted-tally']);
  belenios(dir, ['archive', 'add-event', '--type=EncryptedTally'], tally);
  const keys = readdirSync(dir)
    .filter((f) => f.endsWith('.privkey'))
    .sort();
  keys.forEach((key, i) => {
    const share = belenios(dir, [
      'election',
      'decrypt',
      `--privkey=${key}`,
      `--trustee-id=${i + 1}`,
    ]);
    belenios(dir, ['archive', 'add-event', '--type=PartialDecryption'], share);
  });
  const result = belenios(dir, ['election', 'compute-result']);
  belenios(dir, ['archive', 'add-event', '--type=Result'], result);
}

/** The published result of the archive: votes per candidate of the one question. */
export function beleniosResult(dir: string): number[] {
  const archive = readdirSync(dir).find((f) => f.endsWith('.bel'));
  if (archive === undefined) throw new Error('no Belenios archive');
  // The listing of a 10,000-ballot archive is beyond spawnSync's default 1 MiB of output.
  const tar = { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 } as const;
  const listing = spawnSync('tar', ['-tf', archive], tar);
  const members = listing.stdout.trim().split('\n');
  // The result is the last data member before the final event (as the tool's own demo reads it).
  const member = members.at(-2);
  if (member === undefined) throw new Error('Belenios archive too short');
  const data = spawnSync('tar', ['-xOf', archive, member], tar);
  const parsed = JSON.parse(data.stdout) as { result: string[][] };
  return (parsed.result[0] ?? []).map(Number);
}
