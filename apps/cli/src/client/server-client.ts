/**
 * @module The CLI's client of the election server: the contract's typed client
 * (@scrutineer/api-contract `apiClient`, calls by endpoint name, answers parsed by their schemas,
 * refusals raised as {@link ApiError} with the catalogue's code), plus the few reads every role
 * needs (summary, manifest, all board events, the record's files).
 */
import {
  ApiError,
  type ApiClient,
  type ElectionSummary,
  type EventPage,
  RECORD_FILE_ENDPOINTS,
  type RecordFileName,
  apiClient,
} from '@scrutineer/api-contract';
import { type BoardEvent, type Manifest, parseBoardEvent, parseManifest } from '@scrutineer/record';

export { ApiError, type ElectionSummary };

export class ServerClient {
  readonly url: string;
  /** Calls an endpoint of the contract by name (typed by it); throws {@link ApiError}. */
  readonly call: ApiClient['call'];

  constructor(url: string) {
    const client = apiClient({ baseUrl: url });
    this.url = client.baseUrl;
    this.call = client.call;
  }

  summary(electionId: string): Promise<ElectionSummary> {
    return this.call('summary', { params: { electionId } });
  }

  async manifest(electionId: string): Promise<Manifest> {
    const parsed = parseManifest(await this.call('manifest', { params: { electionId } }));
    if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
    return parsed.value;
  }

  /**
   * The board's events from `from` on, parsed by the record's decoder, page by page, until the
   * last page or until `stop` says an event is the last one wanted.
   */
  async #pages(
    electionId: string,
    from: number,
    limit: number,
    stop: (event: BoardEvent) => boolean = () => false
  ): Promise<BoardEvent[]> {
    const events: BoardEvent[] = [];
    let next: number | null = from;
    while (next !== null) {
      const page: EventPage = await this.call('events', {
        params: { electionId },
        query: { from: next, limit },
      });
      for (const event of page.events) {
        const parsed = parseBoardEvent(event);
        if (!parsed.ok) throw new ApiError(200, 'client/invalid-response', parsed.error.message);
        events.push(parsed.value);
        if (stop(parsed.value)) return events;
      }
      next = page.events.length === 0 ? null : page.next;
    }
    return events;
  }

  /** Every board event from `from` on, parsed by the record's decoder. */
  events(electionId: string, from = 0): Promise<BoardEvent[]> {
    return this.#pages(electionId, from, 1000);
  }

  /**
   * The setup events (spec §9.3.1): from position 0 up to and including `election-open`, or every
   * event if the board is not open yet — what a client recomputes the election key from.
   */
  setupEvents(electionId: string): Promise<BoardEvent[]> {
    return this.#pages(electionId, 0, 200, (event) => event.type === 'election-open');
  }

  /** A record file (`format.json`, `board.jsonl`, `checkpoints.jsonl`) as text. */
  recordFile(electionId: string, name: RecordFileName): Promise<string> {
    return this.call(RECORD_FILE_ENDPOINTS[name], { params: { electionId } });
  }
}

/** Waits until `probe` returns a value (polling every `intervalMs`), or throws after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { readonly intervalMs?: number; readonly timeoutMs?: number } = {}
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
