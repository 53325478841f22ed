/**
 * deploy/install.sh into a temporary prefix (offline: node_modules linked from this checkout):
 * the code, the built web app, the command, the systemd units (checked by `systemd-analyze
 * verify` where it exists), the settings files with their modes and a board-secrets key made
 * once; then the installed `scrutineer serve` starts and answers readiness and its home page.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'scrutineer-install-'));
after(() => rmSync(work, { recursive: true, force: true }));

const prefix = join(work, 'opt', 'scrutineer');
const systemd = join(work, 'etc', 'systemd', 'system');
const config = join(work, 'etc', 'scrutineer');
const install = (): string =>
  execFileSync(
    join(REPO, 'deploy', 'install.sh'),
    [
      '--prefix',
      prefix,
      '--systemd-dir',
      systemd,
      '--config-dir',
      config,
      '--node-modules-from',
      join(REPO, 'node_modules'),
      '--no-user',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
  );

test('install.sh installs the code, the web app, the command, units and settings', async () => {
  assert.match(install(), /systemctl enable --now scrutineer@8081 scrutineer@8082/);
  assert.ok(existsSync(join(prefix, 'app', 'apps', 'web', 'dist', 'index.html')));
  assert.ok(existsSync(join(prefix, 'app', 'docs', 'operations.md')));
  for (const unit of [
    'scrutineer@.service',
    'scrutineer-wal-receiver.service',
    'scrutineer-base-backup.service',
    'scrutineer-base-backup.timer',
  ]) {
    const text = readFileSync(join(systemd, unit), 'utf8');
    assert.doesNotMatch(text, /@PREFIX@|@CONFIG@/, unit);
  }
  const service = readFileSync(join(systemd, 'scrutineer@.service'), 'utf8');
  assert.match(service, new RegExp(`ExecStart=${prefix}/bin/scrutineer serve`));
  assert.match(service, new RegExp(`EnvironmentFile=${config}/scrutineer.env`));
  const mode = (file: string): number => statSync(join(config, file)).mode & 0o777;
  assert.equal(mode('board-secrets.key'), 0o600);
  assert.equal(mode('scrutineer.env'), 0o640);
  const key = readFileSync(join(config, 'board-secrets.key'), 'utf8');
  assert.match(key, /^[0-9a-f]{64}\n$/);
  assert.match(
    readFileSync(join(config, 'scrutineer.env'), 'utf8'),
    new RegExp(`${config}/board-secrets.key`)
  );

  // Installing again keeps the key and the settings.
  install();
  assert.equal(readFileSync(join(config, 'board-secrets.key'), 'utf8'), key);

  const analyze = spawnSync('systemd-analyze', ['--version']);
  if (analyze.status === 0) {
    const verify = spawnSync(
      'systemd-analyze',
      [
        'verify',
        '--man=no',
        join(systemd, 'scrutineer@8081.service'),
        join(systemd, 'scrutineer-base-backup.timer'),
      ],
      { encoding: 'utf8', env: { ...process.env, SYSTEMD_UNIT_PATH: `${systemd}:` } }
    );
    // Complaints about this machine (no `scrutineer` account, no PostgreSQL unit) are not the units'.
    const problems = `${verify.stdout}${verify.stderr}`
      .split('\n')
      .filter((line) => line.trim() !== '')
      .filter(
        (line) =>
          !/postgresql\.service|network-online|User=|Group=|scrutineer@\.service.*Unit is bound|Failed to load|not found/.test(
            line
          )
      );
    assert.deepEqual(problems, [], `${verify.stdout}${verify.stderr}`);
  }

  // The installed command serves: readiness and the home page.
  const server = spawn(
    join(prefix, 'bin', 'scrutineer'),
    ['serve', '--port', '0', '--database', join(work, 'data')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SCRUTINEER_BOARD_SECRETS_KEY_FILE: join(config, 'board-secrets.key') },
    }
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no URL: ${text}`)), 120_000);
      server.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(text);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${text}`)));
    });
    const ready = await fetch(`${url}/api/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, migrations: 5 });
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<script type="module"/);
  } finally {
    server.kill('SIGTERM');
  }
});
