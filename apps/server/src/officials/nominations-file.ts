/**
 * @module The published nominations document (spec §9.1 `nominations.json`, §9.2.6). The returning
 * officer uploads it once for an election whose manifest names nominations; the board keeps the
 * exact text and serves it beside format.json, board.jsonl and checkpoints.jsonl, so a verifier
 * that only has the board (the browser) can check V1.3. The board refuses what V1.3 would fail:
 * text that is not canonical JSON, and a document whose SHA-256 is not the manifest's
 * `nominations.hash`, or whose threshold and recount (the candidates at or above it) are not the
 * manifest's `threshold` and `qualified`. The hash is taken over the canonical bytes, as the verifier takes it
 * (packages/verifier/src/checks/nominations.ts), so the file may end in one newline.
 */
import { bytesToHex, sha256 } from '@scrutineer/crypto';
import {
  canonicalBytes,
  parseCanonicalJson,
  parseNominationsFile,
  reachedThreshold,
} from '@scrutineer/record';
import { publishedNominations } from '../board/board-reader.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';

export interface PublishedNominations {
  /** SHA-256 hex of the document's canonical bytes (= the manifest's `nominations.hash`). */
  readonly hash: string;
  /** False when the same document was already published (the upload changed nothing). */
  readonly created: boolean;
}

/** The SHA-256 hex of a nominations text, or a `nominations/not-canonical` refusal. */
export function nominationsHash(document: string): string {
  // One final newline is how files end; anything else around the JSON is not canonical (§10.1).
  const body = document.endsWith('\n') ? document.slice(0, -1) : document;
  const parsed = parseCanonicalJson(body);
  if (!parsed.ok) throw new ServiceError('nominations/not-canonical', parsed.error.message);
  return bytesToHex(sha256(canonicalBytes(parsed.value)));
}

/**
 * Stores the nominations document of an election once. The same bytes again succeed and change
 * nothing (a retried upload); different bytes are refused, even if they hash the same after
 * canonicalisation, because the published file must not change under anyone who fetched it.
 */
export async function publishNominations(
  context: ServiceContext,
  electionId: string,
  document: string
): Promise<PublishedNominations> {
  const election = await context.elections.get(electionId);
  const named = election.manifest.nominations;
  if (named === undefined) throw new ServiceError('nominations/not-named');
  const hash = nominationsHash(document);
  if (hash !== named.hash)
    throw new ServiceError(
      'nominations/hash-mismatch',
      `the document hashes to ${hash}; the manifest names ${named.hash}`
    );
  // V1.3 recounts the document (spec §9.2.6): refuse here what the verifier would fail there.
  const problem = documentProblem(document, named.threshold, named.qualified);
  if (problem !== null) throw new ServiceError('nominations/invalid-document', problem);
  // The primary key decides a race between two uploads; the loser compares with the winner.
  const inserted = await context.database.query(
    `INSERT INTO nominations (election_id, document, hash) VALUES ($1, $2, $3)
     ON CONFLICT (election_id) DO NOTHING RETURNING 1`,
    [electionId, document, hash]
  );
  if (inserted.length === 0) {
    if ((await publishedNominations(context.database, electionId)) !== document)
      throw new ServiceError('nominations/already-published');
    return { hash, created: false };
  }
  await writeAuditLog(context.database, electionId, 'officer', 'nominations', { hash });
  return { hash, created: true };
}

/** The published text, or 404 `nominations/not-published`. */
export async function readNominations(
  context: ServiceContext,
  electionId: string
): Promise<string> {
  await context.elections.get(electionId);
  const document = await publishedNominations(context.database, electionId);
  if (document === undefined) throw new ServiceError('nominations/not-published');
  return document;
}

/** Spec §9.2.6: why a canonical document does not fit the manifest's threshold and qualified set. */
function documentProblem(
  document: string,
  threshold: number,
  qualified: readonly string[]
): string | null {
  const parsed = parseCanonicalJson(document.endsWith('\n') ? document.slice(0, -1) : document);
  if (!parsed.ok) return parsed.error.message;
  const file = parseNominationsFile(parsed.value);
  if (!file.ok) return `${file.error.code}: ${file.error.message}`;
  if (file.value.threshold !== threshold)
    return `the document's threshold is ${file.value.threshold}, the manifest's ${threshold}`;
  const reached = reachedThreshold(file.value);
  if (reached.length !== qualified.length || !reached.every((id) => qualified.includes(id)))
    return `the candidates at or above the threshold are ${reached.join(', ') || 'none'}, the manifest qualifies ${qualified.join(', ')}`;
  return null;
}
