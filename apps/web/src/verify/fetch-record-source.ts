/**
 * @module A {@link RecordSource} over the server's record bundle (spec §9.1:
 * `/api/elections/<id>/record/format.json`, `board.jsonl`, `checkpoints.jsonl`, and
 * `nominations.json` when the manifest names nominations), read with `fetch` from the same
 * origin. The board is streamed line by line and fetched afresh on every pass, so a browser
 * verifies a large record without holding it in memory. Each board line is shown to
 * `onLine` as it passes, for progress and for the page to pick out the setup and result events.
 */
import {
  RECORD_FILE_ENDPOINTS,
  type RecordFileName,
  endpointPath,
  endpoints,
} from '@scrutineer/api-contract';
import { type JsonLinesFile, LineSplitter, type RecordSource } from '@scrutineer/verifier';
import { apiOrigin } from '../api-origin.ts';

/** A download that did not answer 200: the page says which file. */
export class RecordFetchError extends Error {
  readonly file: string;
  constructor(file: string, status: number) {
    super(`${file}: HTTP ${status}`);
    this.name = 'RecordFetchError';
    this.file = file;
  }
}

async function fetchFile(url: string, file: string): Promise<Response> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
  if (!response.ok || response.body === null) throw new RecordFetchError(file, response.status);
  return response;
}

/**
 * The lines of a streamed text body without their line feeds (spec §10.1.4: split at LF only, a
 * carriage return stays in its line; text after the last LF is a last line). `onEnd` learns whether
 * the body ended with a line feed (or was empty).
 */
export async function* streamLines(
  body: ReadableStream<Uint8Array>,
  onEnd: (endsWithLineFeed: boolean) => void = () => undefined
): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const splitter = new LineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield* splitter.push(decoder.decode(value, { stream: true }));
  }
  yield* splitter.push(decoder.decode());
  const last = splitter.end();
  onEnd(last === null);
  if (last !== null) yield last;
}

export function fetchRecordSource(
  electionId: string,
  onLine: (line: string, pass: number) => void = () => undefined
): RecordSource {
  // Streamed, so fetched here rather than through the contract's client; the paths are its.
  // Absolute: the verifier runs in a worker started from a blob URL, which is no base for a path.
  const path = (name: RecordFileName): string =>
    apiOrigin() + endpointPath(endpoints[RECORD_FILE_ENDPOINTS[name]], { electionId });
  let passes = 0;
  // How each JSON Lines file ended, from its last complete read (asked for after the read).
  const ends = new Map<JsonLinesFile, boolean>();
  let lastCheckpointLine = '';
  return {
    readFormat: async () => (await fetchFile(path('format.json'), 'format.json')).text(),
    async *boardLines() {
      const pass = passes++;
      const response = await fetchFile(path('board.jsonl'), 'board.jsonl');
      const body = response.body as ReadableStream<Uint8Array>;
      for await (const line of streamLines(body, (end) => ends.set('board.jsonl', end))) {
        onLine(line, pass);
        yield line;
      }
    },
    async *checkpointLines() {
      const response = await fetchFile(path('checkpoints.jsonl'), 'checkpoints.jsonl');
      const body = response.body as ReadableStream<Uint8Array>;
      for await (const line of streamLines(body, (end) => ends.set('checkpoints.jsonl', end))) {
        lastCheckpointLine = line;
        yield line;
      }
    },
    // Read after the checkpoints: only co-signatures of the checkpoints read (spec §10.6.2).
    async *cosignatureLines() {
      const to = lastCheckpointSize(lastCheckpointLine);
      if (to === 0) return;
      // Optional in a bundle (spec §9.1): a board that serves none (404) has no co-signatures.
      const url = `${path('cosignatures.jsonl')}?to=${to}`;
      const response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
      if (response.status === 404) return;
      if (!response.ok || response.body === null)
        throw new RecordFetchError('cosignatures.jsonl', response.status);
      const body = response.body as ReadableStream<Uint8Array>;
      yield* streamLines(body, (end) => ends.set('cosignatures.jsonl', end));
    },
    endsWithLineFeed: (file) => Promise.resolve(ends.get(file) ?? true),
    // Asked for only when the manifest names nominations. Absent (404: never uploaded, or a board
    // that does not serve it) is what V1.3 reports as missing; any other failure is a download error.
    readNominations: async () => {
      const url = path('nominations.json');
      const response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
      if (response.status === 404) return null;
      if (!response.ok) throw new RecordFetchError('nominations.json', response.status);
      // The text as served, byte-order mark kept (response.text() drops one): V1.3 parses and
      // hashes exactly what the board publishes, and a file that is not canonical must fail.
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    },
  };
}

/** The size of a checkpoint line, 0 when it is not one (the verifier reports that line, V2.7). */
function lastCheckpointSize(line: string): number {
  try {
    const size = (JSON.parse(line) as { size?: unknown }).size;
    return typeof size === 'number' && Number.isSafeInteger(size) && size > 0 ? size : 0;
  } catch {
    return 0;
  }
}
