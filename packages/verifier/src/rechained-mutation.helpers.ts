/**
 * @module TESTS ONLY: the rechained mode of the mutation test (mutation.helpers.ts): one field of a
 * board event changes, then the board rewrites the log honestly around it (canonical line,
 * `previous` hashes redone, checkpoints re-signed with the board key at the same sizes), so only
 * the verifier's semantic checks (signatures, proofs, counts, ceremony, tally) can catch it.
 */
import { type Group, bytesToHex, decodeScalar, hexToBytes, sha256, utf8 } from '@scrutineer/crypto';
import {
  GENESIS_PREVIOUS,
  type Manifest,
  MerkleAccumulator,
  canonicalize,
  checkpointMessage,
  hashLeaf,
  manifestHash,
  signStatement,
} from '@scrutineer/record';
import {
  type Mutated,
  type Random,
  type RecordText,
  changeCharacter,
  flipHexByte,
  joinLines,
  lines,
  pick,
} from './mutation.helpers.ts';

/** The board key and the group, to re-sign checkpoints in rechained mode. */
export interface BoardSigner {
  readonly group: Group;
  readonly boardSecretKey: bigint;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Leaf {
  readonly path: readonly (string | number)[];
  readonly value: string | number;
}

/**
 * The leaves a rechained mutation may change: hex strings, numbers and candidate names. Not the
 * postal return commitments (`credentials.returns`, `credential-replaced.return`): spec §9.5.3
 * binds them by the hash chain and the checkpoints signed from `election-open` on, not by the base
 * hash, so a board that rewrites its whole log and re-signs it can change the commitment of a pack
 * that never comes back, and only a checkpoint kept from before the rewrite (a consistency proof)
 * shows it. A raw mutation of one still breaks the chain and is caught.
 */
function leavesOf(value: Json, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'number') return [{ path, value }];
  if (typeof value === 'string') {
    const key = path.at(-1);
    const isReturnCommitment =
      key === 'return' || (typeof key === 'number' && path.at(-2) === 'returns');
    const isHex = /^[0-9a-f]{16,}$/.test(value) && key !== 'previous' && !isReturnCommitment;
    const isName = key === 'name' && path.includes('candidates');
    return isHex || isName ? [{ path, value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOf(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  return [];
}

function setAt(root: Json, path: readonly (string | number)[], value: Json): void {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path.at(-1) as string | number] = value;
}

const RECHAINED_KINDS = [
  'hex-byte',
  'number',
  'candidate-name',
  'swap-lines',
  'delete-line',
  'duplicate-line',
] as const;

/**
 * One mutation of a board event followed by an honest rewrite of the log around it. Times and
 * labels are never touched: the board's clock and a batch's name are the board's to choose.
 */
export function mutateRechained(
  random: Random,
  record: RecordText,
  signer: BoardSigner
): Mutated | null {
  const kind = pick(random, RECHAINED_KINDS);
  const board = lines(record.board).map((l) => JSON.parse(l) as { [key: string]: Json });
  const index = kind === 'candidate-name' ? 0 : Math.floor(random() * board.length);
  let description: string;
  if (kind === 'swap-lines') {
    const at = Math.min(index, board.length - 2);
    [board[at], board[at + 1]] = [
      board[at + 1] as { [key: string]: Json },
      board[at] as { [key: string]: Json },
    ];
    description = `swap events ${at} and ${at + 1}`;
  } else if (kind === 'delete-line') {
    board.splice(index, 1);
    description = `delete event ${index}`;
  } else if (kind === 'duplicate-line') {
    board.splice(index, 0, structuredClone(board[index] as { [key: string]: Json }));
    description = `duplicate event ${index}`;
  } else {
    const event = board[index] as { [key: string]: Json };
    const leaves = leavesOf(event).filter((leaf) =>
      kind === 'hex-byte'
        ? typeof leaf.value === 'string' && leaf.path.at(-1) !== 'name'
        : kind === 'number'
          ? typeof leaf.value === 'number'
          : leaf.path.at(-1) === 'name'
    );
    if (leaves.length === 0) return null;
    const leaf = pick(random, leaves);
    const next: Json =
      kind === 'hex-byte'
        ? flipHexByte(random, leaf.value as string)
        : kind === 'number'
          ? (leaf.value as number) + (random() < 0.5 ? -1 : 1)
          : changeCharacter(random, leaf.value as string);
    setAt(event, leaf.path, next);
    description = `${kind} at event ${index} (${JSON.stringify(event.type)}) /${leaf.path.join('/')}: ${String(leaf.value).slice(0, 20)} → ${String(next).slice(0, 20)}`;
  }
  return { record: rewrite(record, board, signer), description: `rechained: ${description}` };
}

/** The rewrite of rechained mode applied to an unchanged record (to test the rewrite itself). */
export function rewriteUnchanged(record: RecordText, signer: BoardSigner): RecordText {
  return rewrite(
    record,
    lines(record.board).map((l) => JSON.parse(l) as { [key: string]: Json }),
    signer
  );
}

/** The honest board's rewrite: canonical lines, `previous` redone, checkpoints re-signed. */
function rewrite(
  record: RecordText,
  board: { [key: string]: Json }[],
  signer: BoardSigner
): RecordText {
  const original = lines(record.board);
  const setup = (JSON.parse(original[0] as string) as { body: Manifest }).body;
  const out: string[] = [];
  let previous = GENESIS_PREVIOUS;
  for (const event of board) {
    const line = canonicalize({ ...event, previous });
    out.push(line);
    previous = bytesToHex(sha256(utf8(line)));
  }
  const checkpoints = lines(record.checkpoints).map((l) => {
    const checkpoint = JSON.parse(l) as {
      size: number;
      root: string;
      time: string;
      signature: string;
    };
    if (checkpoint.size > out.length) return l; // the board cannot re-sign what no longer exists
    const accumulator = new MerkleAccumulator();
    for (const line of out.slice(0, checkpoint.size)) accumulator.append(hashLeaf(utf8(line)));
    const unsigned = {
      size: checkpoint.size,
      root: bytesToHex(accumulator.root()),
      time: checkpoint.time,
    };
    const message = checkpointMessage(setup.electionId, unsigned);
    const signature = signStatement(
      signer.group,
      manifestHash(setup),
      signer.boardSecretKey,
      message
    );
    return canonicalize({ ...unsigned, signature });
  });
  return { ...record, board: joinLines(out), checkpoints: joinLines(checkpoints) };
}

/** Decodes the board secret key of a fixture's secrets.json (hex scalar, spec §2.2). */
export function boardSecretKeyOf(secretsJson: string): bigint {
  return decodeScalar(
    hexToBytes((JSON.parse(secretsJson) as { boardSecretKey: string }).boardSecretKey)
  );
}
