/**
 * @module Credentials and packs (spec §6): one voting code per eligible member, its
 * credential key C (spec §6.5, bound to the election id), a pack id, and the member's security
 * answers. Four views leave this module, and only the registrar's and the printer's link a pack to
 * anything:
 *
 * - the public credential list: the keys in a CSPRNG shuffle, with no member link (spec §9.5);
 * - the answers table for the server: key → answers hash and postal return commitment, in the same
 *   order, so loading it publishes exactly the list whose hash the base hash covers, with the
 *   return commitments aligned (spec §9.5.3). It holds no pack id: the board never learns which
 *   pack (whose reference is printed beside the member's name) carries which credential;
 * - the registrar's pack register: `pack_id, credential`, kept by the registrar and consulted only
 *   to replace a pack (spec §9.5.4);
 * - the print rows: `pack_id, member_id, code, return_secret`, for the printer only, written once:
 *   the return secret is printed on the pack's return slip and nowhere else. They hold no answers:
 *   printing needs none, and the code with the answers is a complete credential, so a leaked
 *   printer's file would have let anyone vote for every member. (A member knows their own
 *   answers; simulations take them from `memberRows`.)
 */
import {
  type Group,
  type VotingCode,
  bytesToHex,
  deriveCredentialKey,
  formatVotingCode,
  generateVotingCode,
  randomBytes,
} from '@scrutineer/crypto';
import { CredentialListHasher } from '@scrutineer/record';
import type { Member } from '../roll/member.ts';
import { generatePackId } from './pack-id.ts';
import { type PostalReturn, generatePostalReturn } from './return-secret.ts';
import { type SecurityAnswers, formatAnswers, memberAnswers } from './security-answers.ts';

export interface PackCredential {
  readonly memberId: string;
  readonly packId: string;
  readonly code: VotingCode;
  /** The credential key C, lower-case hex (spec §2.3 encoding). */
  readonly credentialKey: string;
  readonly answers: SecurityAnswers;
  /** The return slip's secret and its commitment (spec §9.5). */
  readonly postalReturn: PostalReturn;
}

export interface GeneratedPacks {
  readonly electionId: string;
  readonly questionIds: readonly string[];
  /** In the order of the members given. */
  readonly packs: readonly PackCredential[];
  /** The published order: a uniform shuffle of the keys. */
  readonly credentialKeys: readonly string[];
  /** Spec §9.3 credential list hash of `credentialKeys` in that order. */
  readonly credentialListHash: string;
}

/** Uniform integers in [0, bound) from the CSPRNG, drawn in blocks (rejection sampling, no bias). */
function randomIndexSource(): (bound: number) => number {
  let pool = new Uint32Array(0);
  let next = 0;
  return (bound) => {
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    for (;;) {
      if (next === pool.length) {
        pool = new Uint32Array(randomBytes(4 * 4096).buffer as ArrayBuffer);
        next = 0;
      }
      const value = pool[next++] as number;
      if (value < limit) return value % bound;
    }
  };
}

/** Fisher–Yates with CSPRNG indices: every order equally likely. */
export function shuffle<T>(items: readonly T[]): T[] {
  const shuffled = [...items];
  const randomIndex = randomIndexSource();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}

/**
 * Generates one credential per member in `members` (the eligible members of the committed roll,
 * ids unique). Codes, pack ids and the shuffle come from the CSPRNG; codes and pack ids are
 * unique (a repeat, at 2⁻¹¹⁰ or 2⁻⁴⁵ per pair, is drawn again). `onProgress` is called with the
 * number done.
 */
export function generatePackCredentials(
  group: Group,
  input: {
    readonly electionId: string;
    readonly members: readonly Member[];
    readonly questionIds: readonly string[];
    readonly onProgress?: (done: number) => void;
  }
): GeneratedPacks {
  const { electionId, members, questionIds } = input;
  if (new Set(members.map((m) => m.memberId)).size !== members.length)
    throw new RangeError('packs/duplicate-member');
  const codes = new Set<string>();
  const packIds = new Set<string>();
  const packs: PackCredential[] = [];
  for (const member of members) {
    let code = generateVotingCode();
    while (codes.has(code)) code = generateVotingCode();
    codes.add(code);
    let packId = generatePackId();
    while (packIds.has(packId)) packId = generatePackId();
    packIds.add(packId);
    const { publicKey } = deriveCredentialKey(group, electionId, code);
    const credentialKey = bytesToHex(group.encodePoint(publicKey));
    packs.push({
      memberId: member.memberId,
      packId,
      code,
      credentialKey,
      answers: memberAnswers(member, questionIds),
      postalReturn: generatePostalReturn(credentialKey),
    });
    if (packs.length % 256 === 0) input.onProgress?.(packs.length);
  }
  input.onProgress?.(packs.length);
  const credentialKeys = shuffle(packs.map((p) => p.credentialKey));
  const hasher = new CredentialListHasher();
  for (const key of credentialKeys) hasher.add(key);
  return { electionId, questionIds, packs, credentialKeys, credentialListHash: hasher.digestHex() };
}

/** One row of the printer's file `print/packs.csv`. */
export interface PrintRow {
  readonly pack_id: string;
  readonly member_id: string;
  /** Formatted `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
  readonly code: string;
  /** 32 hex digits: the return slip's secret, printed beside the pack id (spec §9.5.3). */
  readonly return_secret: string;
}

export const PRINT_COLUMNS = ['pack_id', 'member_id', 'code', 'return_secret'] as const;

/** The printer's rows, in the order of `generated.packs`. */
export function printRows(generated: GeneratedPacks): PrintRow[] {
  return generated.packs.map((p) => ({
    pack_id: p.packId,
    member_id: p.memberId,
    code: formatVotingCode(p.code),
    return_secret: p.postalReturn.secret,
  }));
}

/** One row of the registrar's pack register `registrar/packs.csv` (spec §9.5.4). */
export interface PackRegisterRow {
  readonly pack_id: string;
  readonly credential: string;
}

export const PACK_REGISTER_COLUMNS = ['pack_id', 'credential'] as const;

/**
 * The registrar's register of which pack carries which credential key, in the order of
 * `generated.packs`: what a replacement needs to name the credential it revokes, and nothing the
 * board holds.
 */
export function packRegisterRows(generated: GeneratedPacks): PackRegisterRow[] {
  return generated.packs.map((p) => ({ pack_id: p.packId, credential: p.credentialKey }));
}

/**
 * What one member holds: their pack's row, their own answers (`dob=…,postcode=…`) and the
 * credential key their return slip names (spec §9.5.3).
 */
export interface MemberRow extends PrintRow {
  readonly answers: string;
  readonly credential: string;
}

/**
 * Each member's view, for simulations (the demo, tests) that play the members: the pack they
 * received and the answers they know. Never written to a file.
 */
export function memberRows(generated: GeneratedPacks): MemberRow[] {
  return generated.packs.map((p) => ({
    pack_id: p.packId,
    member_id: p.memberId,
    code: formatVotingCode(p.code),
    answers: formatAnswers(generated.questionIds, p.answers),
    return_secret: p.postalReturn.secret,
    credential: p.credentialKey,
  }));
}

/** One entry of the answers table, as the server loads it with the credential list. */
export interface AnswersEntry {
  readonly key: string;
  /** The Argon2id PHC string of the normalised answers (the server's own function makes it). */
  readonly answersHash: string;
  /** The postal return commitment (spec §9.5), loaded with the key when postal is on. */
  readonly returnCommitment: string;
}

/** Hashes one member's answers: the server's `hashSecurityAnswers`, passed in (packages stay pure). */
export type AnswersHasher = (
  questionIds: readonly string[],
  answers: SecurityAnswers
) => Promise<string>;

/**
 * The answers table in the published credential order. `hash` runs `concurrency` at a time (give
 * it a worker pool: Argon2id is deliberately slow).
 */
export async function buildAnswersTable(
  generated: GeneratedPacks,
  hash: AnswersHasher,
  options: { readonly concurrency?: number; readonly onProgress?: (done: number) => void } = {}
): Promise<AnswersEntry[]> {
  const byKey = new Map(generated.packs.map((p) => [p.credentialKey, p]));
  const entries = new Array<AnswersEntry>(generated.credentialKeys.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < generated.credentialKeys.length) {
      const index = next++;
      const key = generated.credentialKeys[index] as string;
      const pack = byKey.get(key) as PackCredential;
      entries[index] = {
        key,
        answersHash: await hash(generated.questionIds, pack.answers),
        returnCommitment: pack.postalReturn.commitment,
      };
      done++;
      if (done % 64 === 0) options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  options.onProgress?.(done);
  return entries;
}
