/**
 * @module The voter's client: what `scrutineer vote`, the demo and the load tools run —
 * the booth's steps over the real HTTP API. Derive the credential from the code (spec §6.5), sign
 * in (challenge + credential signature, §10.5), recompute the election key from the trustees'
 * ceremony and the base hash from it (§9.3.1) before encrypting anything, encrypt and prove (§9.4),
 * cast or Benaloh-audit, and check the receipt against the manifest's board key (§10.4).
 */
import {
  type Group,
  bytesToHex,
  deriveCredentialKey,
  hexToBytes,
  parseVotingCode,
} from '@scrutineer/crypto';
import {
  type EncryptionSetup,
  checkChoices,
  resolveChoices,
  encryptBallot,
  openAuditedBallot,
} from '@scrutineer/protocol';
import {
  type AuditedBallot,
  receiptMessage,
  signSignIn,
  styleContestIndexes,
  verifyStatement,
} from '@scrutineer/record';
import { checkElectionSetup } from '@scrutineer/verifier';
import type { ApiErrorCode } from '@scrutineer/api-contract';
import { ApiError, ServerClient } from './server-client.ts';

export interface Receipt {
  readonly election: string;
  readonly tracker: string;
  readonly position: number;
  readonly time: string;
  readonly eventHash: string;
  readonly signature: string;
}

/** The checked facts a voter encrypts under; fetched once per election and reusable. */
export interface VotingSetup extends EncryptionSetup {
  readonly manifestHash: string;
  /** `manifest.board.publicKey` of `election-setup` (spec §10.4), never the summary's. */
  readonly boardPublicKey: string;
  readonly fingerprint: string | null;
}

export type VoteOutcome =
  | {
      readonly ok: true;
      readonly receipt: Receipt;
      /** The opened ballot published by a Benaloh audit, when one was asked for. */
      readonly audited: AuditedBallot | null;
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface VoteOptions {
  readonly server: string | ServerClient;
  readonly electionId: string;
  readonly code: string;
  readonly answers: Readonly<Record<string, string>>;
  /** Names or 1-based positions; `contestId=…` picks a contest when there are several. */
  readonly choices: readonly string[];
  readonly audit?: boolean;
  readonly group: Group;
  readonly setup?: VotingSetup;
  /**
   * Encrypts these contests (manifest indexes) whatever the credential's style: what a hostile
   * device would send, for the demo and tests of the board's refusal (spec §13.2).
   */
  readonly forceContests?: readonly number[];
}

const refuse = (code: string, message: string): VoteOutcome => ({ ok: false, code, message });

/**
 * The vote client's own refusal of what a server states (`client/…`): a manifest, key or base
 * hash that its board does not establish. Not an API error: the server answered, and lied.
 */
export class SetupRefusal extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'SetupRefusal';
    this.code = code;
  }
}

/**
 * Loads the election's setup and recomputes it (spec §9.3.1, `checkElectionSetup`): the manifest of
 * `election-setup`, the election key from the trustees' ceremony events, and the base hash from
 * that key. Encrypts under nothing the server merely states: a key that does not follow from the
 * ceremony is refused (`client/key-not-from-ceremony`), and receipts are checked against the
 * manifest's board key, not the summary's.
 */
export async function loadVotingSetup(
  client: ServerClient,
  group: Group,
  electionId: string
): Promise<VotingSetup> {
  const summary = await client.summary(electionId);
  if (summary.stage === 'closed' || summary.stage === 'tallied' || summary.stage === 'final')
    throw new ApiError(409, 'election/closed', 'Voting has closed.');
  if (summary.baseHash === null || summary.electionKey === null)
    throw new ApiError(409, 'election/not-open', 'Voting has not opened yet.');
  const checked = checkElectionSetup(group, await client.setupEvents(electionId));
  if (!checked.ok)
    throw new SetupRefusal(
      checked.error.code.replace(/^setup\//, 'client/'),
      checked.error.message
    );
  const { manifest, manifestHash, electionKey, opening } = checked.value;
  if (manifest.electionId !== electionId || manifestHash !== summary.manifestHash)
    throw new SetupRefusal(
      'client/manifest-mismatch',
      'the manifest is not the one the board states'
    );
  if (electionKey === null || opening === null)
    throw new ApiError(409, 'election/not-open', 'Voting has not opened yet.');
  if (electionKey.publicKey !== summary.electionKey || opening.baseHash !== summary.baseHash)
    throw new SetupRefusal(
      'client/key-mismatch',
      'the election key or base hash the server states is not the one its board establishes'
    );
  return {
    group,
    manifest,
    electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(electionKey.publicKey))),
    baseHash: hexToBytes(opening.baseHash),
    manifestHash,
    boardPublicKey: checked.value.boardPublicKey,
    fingerprint: opening.fingerprint,
  };
}

/** Votes once: sign in, check, encrypt, (audit,) cast. Never throws for a refusal. */
export async function castVote(options: VoteOptions): Promise<VoteOutcome> {
  const parsed = parseVotingCode(options.code);
  if (!parsed.ok) {
    const hint =
      parsed.error.suggestion === undefined ? '' : ` Did you mean ${parsed.error.suggestion}?`;
    return refuse(parsed.error.code, `${parsed.error.message}.${hint}`);
  }
  const client =
    typeof options.server === 'string' ? new ServerClient(options.server) : options.server;
  const { group, electionId } = options;
  try {
    const setup = options.setup ?? (await loadVotingSetup(client, group, electionId));
    const choices = resolveChoices(setup.manifest, options.choices);
    if (typeof choices === 'string') return refuse('vote/invalid-choice', choices);
    const credential = deriveCredentialKey(group, electionId, parsed.value);
    const credentialHex = bytesToHex(group.encodePoint(credential.publicKey));
    const election = { electionId };
    const { challenge } = await client.call('challenge', { params: election });
    const signature = signSignIn(
      group,
      setup.manifestHash,
      electionId,
      challenge,
      options.answers,
      credential.secretKey
    );
    const { token, style } = await client.call('signIn', {
      params: election,
      body: { credential: credentialHex, answers: options.answers, challenge, signature },
    });
    // No pre-check of /me: the board itself refuses a second ballot, and a refusal because of a
    // postal return is published as cast-refused (spec §9.7), which the record must show.
    // Spec §13.2: with ballot styles, exactly the contests of this credential's style.
    const contests =
      style === undefined ? undefined : (styleContestIndexes(setup.manifest, style) ?? undefined);
    const allowed = checkChoices(setup.manifest, choices, options.forceContests ?? contests);
    if (!allowed.ok) return refuse(allowed.error.code, allowed.error.message);
    let audited: AuditedBallot | null = null;
    if (options.audit === true) {
      audited = openAuditedBallot(encryptBallot(setup, credential, choices, contests));
      // Without the session (spec §9.4): the board must not learn whose device was checked.
      await client.call('audit', { params: election, body: { audited } });
    }
    const encrypted =
      options.forceContests === undefined
        ? encryptBallot(setup, credential, choices, contests)
        : encryptBallot(setup, credential, choices, options.forceContests);
    const receipt = await client.call('cast', {
      params: election,
      token,
      body: { ballot: encrypted.ballot },
    });
    const { signature: receiptSignature, ...unsigned } = receipt;
    const boardKey = group.decodePoint(hexToBytes(setup.boardPublicKey));
    if (
      receipt.tracker !== encrypted.tracker ||
      !verifyStatement(
        group,
        setup.manifestHash,
        boardKey,
        receiptMessage(unsigned),
        receiptSignature
      )
    )
      return refuse('client/bad-receipt', 'the receipt is not signed by the board for this ballot');
    return { ok: true, receipt, audited };
  } catch (error) {
    if (error instanceof ApiError) return refuse(error.code, explain(error));
    if (error instanceof SetupRefusal)
      return refuse(error.code, error.message.replace(/^[a-z-]+\/[a-z-]+: /, ''));
    throw error;
  }
}

/** Voter-facing sentences for the refusals a voter most often meets. */
const EXPLANATIONS: Partial<Record<ApiErrorCode, string>> = {
  'auth/sign-in-failed':
    'The code or the answers are not right (the code itself is well formed, so check the answers).',
  'ballot/credential-used-by-post':
    'A postal vote was already received for this member: the online ballot is refused.',
  'ballot/credential-already-used':
    'This member has already voted online, and the first ballot is final.',
};

/** A voter-facing sentence for a refusal: one of the above, else the server's own message. */
function explain(error: ApiError): string {
  return EXPLANATIONS[error.code] ?? error.detail;
}
