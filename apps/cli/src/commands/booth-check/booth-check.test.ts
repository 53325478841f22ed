/**
 * `scrutineer booth-check` (spec §10.7.5) on the real web build: a host serving the booth as the
 * server does (the HTML at /elections/<id>, /assets/*, /booth-digest.json) and the manifest
 * naming the build's booth digest. The booth as built passes; one byte changed in the crypto
 * worker, the dynamically started verifier worker or the HTML fails, naming the file (F12).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { loadGroup } from '@scrutineer/crypto';
import { createCeremonyKey } from '@scrutineer/protocol';
import { simulatedManifest } from '@scrutineer/testkit';
import { boothDigest, canonicalize } from '@scrutineer/record';
import { ensureWebBuild } from '@scrutineer/web/build';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';
import { boothFilesOf } from './local-build.ts';

const electionId = 'booth-check-2026';
const work = mkdtempSync(join(tmpdir(), 'scrutineer-booth-check-'));
let dist = '';
let served = '';
let manifestJson = '';
let host: Server;
let origin = '';
const cli = cliRunner({ operatorKey: '', adminKey: '' });

function startHost(): Promise<void> {
  host = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === `/api/elections/${electionId}/manifest`) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(manifestJson);
      return;
    }
    const file = path.startsWith('/elections/') ? 'index.html' : path.slice(1);
    try {
      response.writeHead(200).end(readFileSync(join(served, file)));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    host.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
      resolve();
    })
  );
}

before(async () => {
  await ensureWebBuild(() => undefined);
  dist = fileURLToPath(new URL('./', import.meta.resolve('@scrutineer/web/dist/index.html')));
  const group = await loadGroup('sodium');
  manifestJson = canonicalize({
    ...simulatedManifest(group, {
      electionId,
      contests: [
        {
          id: 'leader',
          title: 'Leader',
          minSelections: 1,
          maxSelections: 1,
          candidates: ['A', 'B'],
        },
      ],
      trusteeKeys: [createCeremonyKey(group, electionId, 1)],
      threshold: 1,
      boardPublicKey: group.generator,
      voters: 3,
      policy: 'first-ballot-final',
      start: '2026-11-01T09:00:00Z',
    }),
    booth: { digest: boothDigest(boothFilesOf(dist)) },
  });
  served = dist;
  await startHost();
});

after(() => {
  host?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The real command in a child process (its output is its own, not the test runner's). */
async function boothCheck(...args: string[]): Promise<{ code: number; text: string }> {
  const { code, stdout, stderr } = await cli.run(['booth-check', ...args]);
  return { code, text: stdout + stderr };
}

/** A copy of the build with one byte of `file` (a name or a prefix under assets/) changed. */
function tamperedCopy(file: string): string {
  const copy = mkdtempSync(join(work, 'dist-'));
  cpSync(dist, copy, { recursive: true });
  const name = file.endsWith('.html')
    ? file
    : `assets/${readdirSync(join(copy, 'assets')).find((n) => n.startsWith(file)) ?? ''}`;
  const bytes = readFileSync(join(copy, name));
  // A ';' to a ',' in a script, an 'e' to an 'E' in the HTML: one byte, still plausible text.
  const at = name.endsWith('.html') ? bytes.indexOf('Scrutineer') + 5 : bytes.indexOf(0x3b);
  assert.ok(at >= 0);
  bytes[at] = name.endsWith('.html') ? 0x45 : 0x2c;
  writeFileSync(join(copy, name), bytes);
  return copy;
}

test('booth-check: the booth as built matches the digest in the manifest (exit 0)', async () => {
  served = dist;
  const { code, text } = await boothCheck(`${origin}/elections/${electionId}`);
  assert.equal(code, 0, text);
  assert.match(text, /is the published one/);
  const files = boothFilesOf(dist).length;
  assert.match(text, new RegExp(`${files} files`), 'every file of the build was fetched');
});

for (const file of ['crypto-worker-', 'verifier-worker-', 'ballot-worker-', 'index.html']) {
  test(`F12: booth-check detects one byte changed in ${file} and names the file (exit 1)`, async () => {
    served = tamperedCopy(file);
    const { code, text } = await boothCheck(`${origin}/elections/${electionId}`);
    assert.equal(code, 1, text);
    assert.match(text, /is NOT the published one/);
    // The served listing no longer hashes to the manifest's digest, so no file can be named
    // from it; a local build names it.
    const named = await boothCheck(`${origin}/elections/${electionId}`, '--build', dist);
    assert.equal(named.code, 1, named.text);
    const lines = named.text.split('\n').filter((line) => /differs/.test(line));
    assert.equal(lines.length, 1, named.text);
    assert.match(lines[0] ?? '', new RegExp(file.replace('.', '\\.')));
  });
}

test('booth-check: with the digest given, an unreachable booth is exit 2', async () => {
  const { code } = await boothCheck('http://127.0.0.1:9/elections/x', '--digest', 'ab'.repeat(32));
  assert.equal(code, 2);
});
