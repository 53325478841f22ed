/**
 * @module Test fixture: a board that shows two logs (spec §10.6). It holds the real board key and
 * signs a checkpoint of each log, so every answer of either view is well formed and signed: under
 * `/a` it serves log A, under `/b` log B, which agrees with A on its first entries and then
 * differs (a ballot only B's audience sees). It answers what the witness and the booth read —
 * manifest, checkpoints, consistency and inclusion proofs, event lines, co-signatures — and keeps
 * every co-signature posted to either view, as a lying board would, to show them where it likes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Group, bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import {
  type Checkpoint,
  type Cosignature,
  type Manifest,
  canonicalize,
  checkpointMessage,
  consistencyProof,
  hashLeaf,
  inclusionProof,
  manifestHash,
  merkleRoot,
  signStatement,
} from '@scrutineer/record';

export interface SplitView {
  /** The canonical lines of the log this view shows. */
  readonly lines: readonly string[];
  /** The sizes the board signs checkpoints at, in this view. */
  readonly checkpointSizes: readonly number[];
}

export interface SplitViewBoard {
  /** The board URL that serves `view` (give it to a ServerClient). */
  url(view: 'a' | 'b'): string;
  readonly cosignatures: Cosignature[];
  close(): Promise<void>;
}

/** A `ballot-cast`-shaped line at `position` for `tracker` (all a receipt check reads of it). */
export function ballotLine(position: number, tracker: string): string {
  return canonicalize({ body: { tracker }, position, type: 'ballot-cast' });
}

/** The receipt a board hands out for the ballot at `position` of `lines` (signature not checked here). */
export function receiptFor(manifest: Manifest, lines: readonly string[], position: number) {
  const line = lines[position] as string;
  const tracker = (JSON.parse(line) as { body: { tracker: string } }).body.tracker;
  return {
    election: manifest.electionId,
    tracker,
    position,
    time: '2026-11-02T10:00:00Z',
    eventHash: bytesToHex(sha256(utf8(line))),
    signature: '00'.repeat(64),
  };
}

function signedCheckpoints(
  group: Group,
  manifest: Manifest,
  boardSecretKey: bigint,
  view: SplitView
): Checkpoint[] {
  const leaves = view.lines.map((l) => hashLeaf(utf8(l)));
  return view.checkpointSizes.map((size) => {
    const unsigned = {
      size,
      root: bytesToHex(merkleRoot(leaves.slice(0, size))),
      time: `2026-11-02T10:00:0${size % 10}Z`,
    };
    const message = checkpointMessage(manifest.electionId, unsigned);
    const signature = signStatement(group, manifestHash(manifest), boardSecretKey, message);
    return { ...unsigned, signature };
  });
}

export async function startSplitViewBoard(
  group: Group,
  manifest: Manifest,
  boardSecretKey: bigint,
  views: { readonly a: SplitView; readonly b: SplitView }
): Promise<SplitViewBoard> {
  const served = {
    a: { view: views.a, checkpoints: signedCheckpoints(group, manifest, boardSecretKey, views.a) },
    b: { view: views.b, checkpoints: signedCheckpoints(group, manifest, boardSecretKey, views.b) },
  };
  const cosignatures: Cosignature[] = [];
  const base = `/api/elections/${manifest.electionId}`;

  const answer = (which: 'a' | 'b', method: string, url: URL, body: string): unknown => {
    const { view, checkpoints } = served[which];
    const leaves = view.lines.map((l) => hashLeaf(utf8(l)));
    const hex = (hashes: Uint8Array[]) => hashes.map((h) => bytesToHex(h));
    const number = (name: string) => Number(url.searchParams.get(name));
    const path = url.pathname.slice(`/${which}${base}`.length);
    if (method === 'POST' && path === '/cosignatures') {
      const cosignature = JSON.parse(body) as Cosignature;
      cosignatures.push(cosignature);
      return cosignature;
    }
    if (path === '/manifest') return manifest;
    if (path === '/checkpoints/latest') return checkpoints.at(-1);
    if (path === '/checkpoints')
      return { checkpoints: checkpoints.filter((c) => c.size >= number('from')).slice(0, 1) };
    if (path === '/cosignatures')
      return {
        cosignatures: cosignatures.filter(
          (c) => c.size >= number('from') && c.size <= number('to')
        ),
      };
    // The answers have the real board's shapes (the API contract's schemas), which the client checks.
    const rootOf = (size: number) => bytesToHex(merkleRoot(leaves.slice(0, size)));
    if (path === '/proofs/consistency') {
      const [from, to] = [number('from'), number('to')];
      return {
        from,
        to,
        fromRoot: rootOf(from),
        toRoot: rootOf(to),
        proof: hex(consistencyProof(leaves, from, to)),
      };
    }
    if (path === '/proofs/inclusion') {
      const position = number('position');
      const size = checkpoints.find((c) => c.size > position)?.size ?? leaves.length;
      return {
        position,
        size,
        root: rootOf(size),
        leafHash: bytesToHex(leaves[position] as Uint8Array),
        proof: hex(inclusionProof(leaves, position, size)),
      };
    }
    const event = /^\/events\/(\d+)$/.exec(path);
    if (event !== null) {
      const position = Number(event[1]);
      const line = view.lines[position] as string;
      const parsed = JSON.parse(line) as { type: string; body?: Record<string, unknown> };
      return {
        event: {
          type: parsed.type,
          position,
          previous: '00'.repeat(32),
          time: '2026-11-02T10:00:00Z',
          body: parsed.body ?? {},
        },
        line,
        hash: bytesToHex(sha256(utf8(line))),
        leafHash: bytesToHex(leaves[position] as Uint8Array),
      };
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const which = url.pathname.startsWith('/b/') ? 'b' : 'a';
      const value = answer(which, request.method ?? 'GET', url, body);
      response.writeHead(value === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(value ?? { error: { code: 'request/not-found', message: 'no' } })
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (view) => `http://127.0.0.1:${port}/${view}`,
    cosignatures,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
