/**
 * @module The trustee page's calls to its own server, through the contract's client (the same
 * routes as `scrutineer trustee …`): the manifest, the board's events, the record files for the
 * check before decrypting, and posting signed trustee messages. Same origin only (CSP
 * `connect-src 'self'`); nothing secret is ever sent (spec §7.9.2).
 */
import {
  ApiError,
  type EventPage,
  type TrusteeEventType,
  apiClient,
} from '@scrutineer/api-contract';
import type { ServedRecord } from '@scrutineer/protocol';
import { type BoardEvent, type Manifest, parseBoardEvent, parseManifest } from '@scrutineer/record';

const client = apiClient({ init: { credentials: 'omit', cache: 'no-store' } });
const params = (electionId: string) => ({ params: { electionId } });

/** The manifest, or null while the election is not set up (404). */
export async function fetchManifest(electionId: string): Promise<Manifest | null> {
  try {
    const parsed = parseManifest(await client.call('manifest', params(electionId)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Every board event, parsed by the record's decoder. */
export async function fetchEvents(electionId: string): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  let next: number | null = 0;
  while (next !== null) {
    const page: EventPage = await client.call('events', {
      ...params(electionId),
      query: { from: next, limit: 1000 },
    });
    for (const event of page.events) {
      const parsed = parseBoardEvent(event);
      if (!parsed.ok) throw new Error(parsed.error.message);
      events.push(parsed.value);
    }
    next = page.events.length === 0 ? null : page.next;
  }
  return events;
}

/** Posts a signed trustee message; a message already on the board is not an error (resuming). */
export async function postTrusteeMessage(
  electionId: string,
  type: TrusteeEventType,
  body: object
): Promise<void> {
  try {
    await client.call('trusteeMessage', {
      ...params(electionId),
      body: { type, body: body as Record<string, unknown> },
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'trustee/duplicate-message') return;
    throw error;
  }
}

/** The record files the check before decrypting reads (spec §8.2, §9.1). */
export async function fetchServedRecord(electionId: string): Promise<ServedRecord> {
  const [format, board, checkpoints, nominations] = await Promise.all([
    client.call('recordFormat', params(electionId)),
    client.call('recordBoard', params(electionId)),
    client.call('recordCheckpoints', params(electionId)),
    client.call('recordNominations', params(electionId)).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  ]);
  return {
    format: String(format),
    board: String(board),
    checkpoints: String(checkpoints),
    ...(nominations === null ? {} : { nominations: String(nominations) }),
  };
}
