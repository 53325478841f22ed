// The booth-check page (spec §10.7.5): the same walk and digest as `scrutineer booth-check`
// (packages/record/src/booth-crawl.ts, booth-digest.ts), in plain JavaScript with no build step,
// so a third party can read it in one file before hosting it. SHA-256 is the browser's own.
const ASSET_REFERENCE = /\/assets\/[A-Za-z0-9._-]+/g;
const ATTRIBUTE_REFERENCE = /\s(?:src|href)="([^"]+)"/g;
const PATH = /^(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+)*$/;
const HEX_64 = /^[0-9a-f]{64}$/;

const hex = (buffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));

/** Spec §10.7.1: SHA-256 of the lines `<sha256>  <path>\n`, sorted by path. */
export async function boothDigest(files) {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const listing = sorted.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  return sha256(new TextEncoder().encode(listing));
}

async function fetchBytes(url) {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Fetches the booth at `pageUrl` and every file it names or its booth-digest.json lists. */
export async function collectBooth(pageUrl) {
  const origin = new URL(pageUrl).origin;
  const page = await fetchBytes(pageUrl);
  if (page.status !== 200) throw new Error(`${pageUrl}: HTTP ${page.status}`);
  const files = new Map([['index.html', { path: 'index.html', sha256: await sha256(page.bytes) }]]);
  const seen = new Set(['index.html']);
  const queue = [];
  const missing = [];
  const name = (path) => {
    if (!PATH.test(path) || seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  const namedIn = (text, html) => {
    if (html)
      for (const match of text.matchAll(ATTRIBUTE_REFERENCE)) {
        const url = new URL(match[1], pageUrl);
        if (url.origin === origin) name(url.pathname.slice(1));
      }
    for (const match of text.matchAll(ASSET_REFERENCE)) name(match[0].slice(1));
  };
  namedIn(new TextDecoder().decode(page.bytes), true);
  let listed = null;
  try {
    const listing = await fetchBytes(`${origin}/booth-digest.json`);
    if (listing.status === 200) {
      const value = JSON.parse(new TextDecoder().decode(listing.bytes));
      if (HEX_64.test(value.digest) && Array.isArray(value.files)) {
        listed = {
          digest: value.digest,
          files: value.files.filter((f) => PATH.test(f.path) && HEX_64.test(f.sha256)),
        };
        for (const file of listed.files) name(file.path);
      }
    }
  } catch {
    listed = null;
  }
  while (queue.length > 0) {
    const path = queue.shift();
    const fetched = await fetchBytes(`${origin}/${path}`);
    if (fetched.status !== 200) {
      missing.push(path);
      continue;
    }
    files.set(path, { path, sha256: await sha256(fetched.bytes) });
    if (/\.(js|css|html|mjs)$/.test(path))
      namedIn(new TextDecoder().decode(fetched.bytes), path.endsWith('.html'));
  }
  const list = [...files.values()];
  return { files: list, digest: await boothDigest(list), listed, missing };
}

/**
 * The manifest's digest for a booth at `url` (a mirror's when the manifest names its origin), read
 * from the board: `board` when given, else the booth's own origin. A mirror is a static host with
 * no API, so a mirror's board must be given (as `scrutineer booth-check --board`); asking the mirror
 * would fail as a cross-origin error with no status, which says nothing of the cause.
 */
async function digestFromManifest(url, board) {
  const electionId = /^\/elections\/([a-z0-9-]+)/.exec(url.pathname)?.[1];
  if (electionId === undefined)
    throw new Error('give the address of an election: …/elections/<id>');
  const manifestUrl = `${board ?? url.origin}/api/elections/${electionId}/manifest`;
  const hint = board === undefined ? ' (for a booth on a mirror, give the board address)' : '';
  let response;
  try {
    response = await fetch(manifestUrl, { credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new Error(`could not read ${manifestUrl}${hint}`);
  }
  if (!response.ok) throw new Error(`${manifestUrl}: HTTP ${response.status}${hint}`);
  const booth = (await response.json()).booth;
  if (booth === undefined) throw new Error(`the manifest of ${electionId} names no booth digest`);
  return booth.mirrors?.find((m) => m.origin === url.origin)?.digest ?? booth.digest;
}

function show(state, verdict, details) {
  const line = document.getElementById('verdict');
  line.dataset.state = state;
  line.textContent = verdict;
  document
    .getElementById('details')
    .replaceChildren(
      ...details.map((text) => Object.assign(document.createElement('li'), { textContent: text }))
    );
}

async function check(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  show('checking', 'Checking…', []);
  try {
    const url = new URL(String(form.get('url')));
    const given = String(form.get('digest') ?? '').trim();
    const board = String(form.get('board') ?? '').trim();
    const expected =
      given !== ''
        ? given
        : await digestFromManifest(url, board === '' ? undefined : new URL(board).origin);
    const served = await collectBooth(url.href);
    if (served.digest === expected) {
      show('same', `The same: this is the published booth (${served.files.length} files).`, [
        `booth digest ${served.digest}`,
      ]);
      return;
    }
    const details = [
      `expected ${expected}`,
      `served   ${served.digest}`,
      ...served.missing.map((p) => `${p}: named but not served`),
    ];
    const listed =
      served.listed !== null && (await boothDigest(served.listed.files)) === expected
        ? served.listed.files
        : null;
    if (listed !== null) {
      const want = new Map(listed.map((f) => [f.path, f.sha256]));
      for (const file of served.files)
        if (want.get(file.path) !== file.sha256)
          details.push(
            `${file.path}: ${want.has(file.path) ? 'differs' : 'not in the published booth'}`
          );
      const got = new Set(served.files.map((f) => f.path));
      for (const path of want.keys()) if (!got.has(path)) details.push(`${path}: missing`);
    }
    show(
      'different',
      'DIFFERENT: this is not the published booth. Do not vote with it; tell the returning officer.',
      details
    );
  } catch (error) {
    show('error', `Could not check: ${error.message}`, []);
  }
}

if (typeof document !== 'undefined')
  document.getElementById('check')?.addEventListener('submit', check);
