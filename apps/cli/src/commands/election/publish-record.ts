/**
 * @module Publishing (spec §9.1): the record bundle as the board serves it (format.json,
 * board.jsonl, checkpoints.jsonl, and nominations.json when the manifest names nominations),
 * verified by the independent verifier, and the result as a table and a chart.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  parseBoardEvent,
} from '@scrutineer/record';
import { type VerificationReport, verifyRecord } from '@scrutineer/verifier';
import { recordDirectory, workerPoolFactory } from '@scrutineer/verifier/node';
import { endpointPath, endpoints, parseRetryAfter } from '@scrutineer/api-contract';
import { withRetry } from '../../client/retry.ts';
import { ApiError, type ServerClient, transientApiError } from '../../client/server-client.ts';

/**
 * The board's nominations.json as served, byte for byte (its hash is V1.3's), or null if the board
 * publishes none (404). Read raw: the JSON client would re-serialise it, text() would drop a BOM.
 */
export function fetchServedNominations(
  client: ServerClient,
  electionId: string
): Promise<Uint8Array | null> {
  return withRetry(() => fetchNominationsOnce(client, electionId), transientApiError);
}

async function fetchNominationsOnce(
  client: ServerClient,
  electionId: string
): Promise<Uint8Array | null> {
  const url = `${client.url}${endpointPath(endpoints.recordNominations, { electionId })}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ApiError(0, 'client/unreachable', `cannot reach ${client.url}: ${String(error)}`, {
      transient: true,
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status === 404) return null;
  if (!response.ok)
    throw new ApiError(response.status, 'client/unexpected-status', 'nominations.json not served', {
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  return bytes;
}

/**
 * Writes DIR (the record bundle) from the server. nominations.json is `nominationsPath` if given,
 * else the board's copy when it serves one (`election nominations` uploaded it).
 */
export async function writeRecordFromServer(
  client: ServerClient,
  electionId: string,
  directory: string,
  nominationsPath?: string
): Promise<void> {
  mkdirSync(directory, { recursive: true });
  for (const name of ['format.json', 'checkpoints.jsonl', 'board.jsonl'] as const)
    writeFileSync(join(directory, name), await client.recordFile(electionId, name));
  if (nominationsPath !== undefined) {
    copyFileSync(nominationsPath, join(directory, 'nominations.json'));
    return;
  }
  const served = await fetchServedNominations(client, electionId);
  if (served !== null) writeFileSync(join(directory, 'nominations.json'), served);
}

/** Runs the verifier on DIR with a worker pool. */
export function verifyRecordDirectory(
  directory: string,
  onProgress?: (events: number, ballotsVerified: number) => void
): Promise<VerificationReport> {
  return verifyRecord(recordDirectory(directory), {
    runners: workerPoolFactory(),
    ...(onProgress === undefined
      ? {}
      : { onProgress: (p) => onProgress(p.events, p.ballotsVerified) }),
  });
}

/** The events of DIR/board.jsonl (a record already verified, so every line parses). */
export function readRecordEvents(directory: string): BoardEvent[] {
  return readFileSync(join(directory, 'board.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed = parseBoardEvent(JSON.parse(line));
      if (!parsed.ok) throw new Error(`board.jsonl: ${parsed.error.message}`);
      return parsed.value;
    });
}

export interface ResultRow {
  readonly name: string;
  readonly online: number;
  readonly postal: number;
  readonly total: number;
  readonly intended?: number;
}

export interface ResultContest {
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly ResultRow[];
}

export function resultContests(
  manifest: Manifest,
  result: EventBody<'election-result'>
): ResultContest[] {
  return manifest.contests.map((contest, c) => ({
    id: contest.id,
    title: contest.title,
    candidates: contest.candidates.map((candidate, j) => {
      const counts = result.contests[c]?.options[j];
      return {
        name: candidate.name,
        online: counts?.online ?? 0,
        postal: counts?.postal ?? 0,
        total: counts?.total ?? 0,
      };
    }),
  }));
}

/** The result as a plain-text table (with the intended column when known). */
export function formatResultTable(contests: readonly ResultContest[]): string {
  const lines: string[] = [];
  for (const contest of contests) {
    const width = Math.max(16, ...contest.candidates.map((r) => r.name.length));
    const withIntended = contest.candidates.some((r) => r.intended !== undefined);
    lines.push(contest.title);
    lines.push(
      `  ${'candidate'.padEnd(width)} ${'online'.padStart(7)} ${'postal'.padStart(7)} ${'total'.padStart(7)}${withIntended ? ` ${'intended'.padStart(9)}` : ''}`
    );
    for (const row of contest.candidates)
      lines.push(
        `  ${row.name.padEnd(width)} ${String(row.online).padStart(7)} ${String(row.postal).padStart(7)} ${String(row.total).padStart(7)}${withIntended ? ` ${String(row.intended ?? '').padStart(9)}` : ''}`
      );
  }
  return `${lines.join('\n')}\n`;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A bar chart of the totals (online and postal stacked), with an accessible title and description. */
export function resultSvg(title: string, contests: readonly ResultContest[]): string {
  const barHeight = 28;
  const gap = 14;
  const labelWidth = 200;
  const chartWidth = 480;
  const rows = contests.flatMap((c) => c.candidates.map((r) => ({ contest: c.title, ...r })));
  const max = Math.max(1, ...rows.map((r) => r.total));
  const height = 70 + rows.length * (barHeight + gap) + contests.length * 24;
  const description = contests
    .map(
      (c) =>
        `${c.title}: ${c.candidates.map((r) => `${r.name} ${r.total} (${r.online} online, ${r.postal} by post)`).join('; ')}`
    )
    .join('. ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + chartWidth + 100}" height="${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="14">`,
    `<title id="title">${escapeXml(title)}</title>`,
    `<desc id="desc">${escapeXml(description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="28" font-size="18" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  let y = 50;
  for (const contest of contests) {
    parts.push(`<text x="10" y="${y + 14}" font-weight="bold">${escapeXml(contest.title)}</text>`);
    y += 24;
    for (const row of contest.candidates) {
      const online = (row.online / max) * chartWidth;
      const postal = (row.postal / max) * chartWidth;
      parts.push(
        `<text x="10" y="${y + barHeight * 0.65}">${escapeXml(row.name)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${online.toFixed(1)}" height="${barHeight}" fill="#1f5fa8"><title>${row.online} online</title></rect>`,
        `<rect x="${(labelWidth + online).toFixed(1)}" y="${y}" width="${postal.toFixed(1)}" height="${barHeight}" fill="#8fb3dc"><title>${row.postal} by post</title></rect>`,
        `<text x="${(labelWidth + online + postal + 8).toFixed(1)}" y="${y + barHeight * 0.65}">${row.total}</text>`
      );
      y += barHeight + gap;
    }
  }
  parts.push(
    `<rect x="${labelWidth}" y="${y}" width="14" height="14" fill="#1f5fa8"/><text x="${labelWidth + 20}" y="${y + 12}">online</text>`,
    `<rect x="${labelWidth + 90}" y="${y}" width="14" height="14" fill="#8fb3dc"/><text x="${labelWidth + 110}" y="${y + 12}">by post</text>`,
    '</svg>'
  );
  return `${parts.join('\n')}\n`;
}
