/**
 * @module The booth controller: the voter's actions (sign in, choose, encrypt, cast or check the
 * device), each moving the state to the next step and asking the page to render it.
 */
import { parseVotingCode } from '@scrutineer/crypto';
import { checkChoices } from '@scrutineer/protocol';
import { isRankedContest, styleContestIndexes } from '@scrutineer/record';
import { ApiError, type ApiErrorCode, api } from '../api.ts';
import { ElectionCheckError, loadCheckedElection } from '../election-check.ts';
import { type MessageKey, contestTitle, questionLabel } from '../i18n/i18n.ts';
import type { CryptoWorker } from '../worker-client.ts';
import { type BoothState, type FieldError, type Step, onBallot } from './booth-state.ts';
import { readRankedContest } from './ranking-view.ts';
import { rankingEntries } from './ranking-entry.ts';
import { QrReader } from './qr-reader.ts';
import { type SavedStep, clearBooth, loadBooth, saveBooth } from './booth-session.ts';

/** The history entry of a step: the places Back returns to (transient steps have none). */
function placeOf(step: Step): string | null {
  switch (step.kind) {
    case 'landing':
    case 'sign-in':
    case 'ballot':
    case 'review':
    case 'decide':
    case 'audited':
    case 'receipt':
    case 'voted':
    case 'pack':
      return step.kind;
    case 'encrypting':
    case 'stopped':
      return null;
  }
}

export class Booth {
  readonly state: BoothState;
  readonly #worker: CryptoWorker;
  readonly #render: (focus: boolean) => void;
  /** The sign-in step's QR code reader (camera or photo); the camera is released on leaving it. */
  readonly qr: QrReader;
  /** The code field was filled from the QR code (said under the field until it is edited). */
  codeFromQr = false;

  constructor(state: BoothState, worker: CryptoWorker, render: (focus: boolean) => void) {
    this.state = state;
    this.#worker = worker;
    this.#render = render;
    // A redraw without moving focus: the page keeps it on the element (by id) that had it.
    this.qr = new QrReader(
      (code) => this.#codeScanned(code),
      () => this.#render(false)
    );
  }

  /**
   * Moves to `step`: a new history entry when the member reaches another place (so the browser's
   * Back returns to the previous one, {@link back}), and the place kept for a reload.
   */
  go(step: Step, focus = true, entry: 'push' | 'replace' = 'push'): void {
    if (step.kind !== 'sign-in') this.qr.stop();
    this.state.step = step;
    this.#remember(step, entry);
    this.#render(focus);
  }

  #remember(step: Step, entry: 'push' | 'replace'): void {
    const { election, mode, token, choices } = this.state;
    const electionId = election.manifest.electionId;
    const place = placeOf(step);
    const current: unknown = history.state;
    const same =
      typeof current === 'object' && current !== null && 'booth' in current
        ? current.booth === place
        : false;
    if (place !== null) {
      if (entry === 'push' && !same) history.pushState({ booth: place }, '');
      else history.replaceState({ booth: place }, '');
    }
    if (step.kind === 'receipt')
      return saveBooth({
        electionId,
        mode,
        step: 'receipt',
        choices: choices.map(() => []),
        receipt: { receipt: step.receipt, signatureValid: step.signatureValid },
      });
    const signedIn = token !== null;
    const saved: SavedStep | null =
      mode === 'pack'
        ? null
        : step.kind === 'sign-in'
          ? (this.#resumeAt ?? 'sign-in')
          : !signedIn
            ? null
            : step.kind === 'landing' || step.kind === 'ballot'
              ? 'ballot'
              : step.kind === 'review' ||
                  step.kind === 'encrypting' ||
                  step.kind === 'decide' ||
                  step.kind === 'audited'
                ? 'review'
                : null;
    if (saved === null) return clearBooth();
    saveBooth({ electionId, mode, step: saved, choices, receipt: null });
  }

  /** Where to go on after signing in again following a reload. */
  #resumeAt: 'ballot' | 'review' | null = null;

  /**
   * Puts the member back where a reload found them (the place kept in this tab's session): the
   * receipt as it was; mid-vote, signing in again first, then the step they were at, with their
   * choices.
   */
  restore(): void {
    const { election, mode } = this.state;
    // Only a reload (or Back/Forward into the page) goes on where the member was; opening the
    // page afresh, by a link or the address, starts at the beginning.
    const navigation = performance.getEntriesByType('navigation')[0];
    const returning =
      navigation instanceof PerformanceNavigationTiming &&
      (navigation.type === 'reload' || navigation.type === 'back_forward');
    const saved = returning
      ? loadBooth(election.manifest.electionId, mode, election.manifest.contests.length)
      : null;
    if (saved === null) {
      clearBooth();
      return history.replaceState({ booth: 'landing' }, '');
    }
    this.state.choices = saved.choices;
    // A ranked contest's boxes show the saved ranking again.
    this.state.rankingEntries = election.manifest.contests.map((contest, c) =>
      isRankedContest(contest)
        ? rankingEntries(contest.candidates.length, saved.choices[c] ?? [])
        : contest.candidates.map(() => '')
    );
    if (saved.step === 'ballot' || saved.step === 'review') this.#resumeAt = saved.step;
    const step: Step =
      saved.receipt !== null
        ? { kind: 'receipt', ...saved.receipt }
        : { kind: 'sign-in', errors: [], busy: false, resumed: this.#resumeAt !== null };
    this.state.step = step;
    this.#remember(step, 'replace');
  }

  /**
   * The browser's Back (or Forward) to an earlier place in the booth: shown again when it still
   * makes sense (a ballot needs a session; an encrypted ballot must still be in the worker), else
   * the nearest place that does. After the cast, the receipt stays.
   */
  back(place: unknown): void {
    const { step, token, encrypted } = this.state;
    if (step.kind === 'receipt') return this.go(step, true, 'replace');
    if (step.kind === 'encrypting' && step.stage !== 'failed') return;
    if (step.kind === 'decide' && step.busy) return;
    const signedIn = token !== null;
    const next: Step =
      place === 'landing' || (!signedIn && place !== 'sign-in')
        ? { kind: 'landing' }
        : !signedIn
          ? { kind: 'sign-in', errors: [], busy: false }
          : place === 'review'
            ? { kind: 'review' }
            : place === 'decide' && encrypted !== null
              ? { kind: 'decide', busy: false }
              : place === 'decide'
                ? { kind: 'review' }
                : { kind: 'ballot', errors: [] };
    this.go(next, true, 'replace');
  }

  #codeScanned(code: string): void {
    this.state.code = code;
    this.codeFromQr = true;
    this.#render(false);
    document.getElementById('code')?.focus();
  }

  start(): void {
    // Signed in already (the member came back to the start page): straight to the ballot.
    if (this.state.token !== null && this.state.mode === 'vote')
      return this.go({ kind: 'ballot', errors: [] });
    this.go({ kind: 'sign-in', errors: [], busy: false });
  }

  /** Client-side checks of the code (check character, spec §6.4.3) and the answers. */
  #signInErrors(): FieldError[] {
    const errors: FieldError[] = [];
    const text = this.state.code.trim();
    if (text === '') errors.push({ key: 'signIn.codeEmpty', target: 'code' });
    else {
      const parsed = parseVotingCode(text);
      if (!parsed.ok) {
        const { code, position, suggestion } = parsed.error;
        const count = text.replace(/[\s-]/g, '').length;
        const key: MessageKey =
          code === 'credential/wrong-length'
            ? 'signIn.codeLength'
            : code === 'credential/invalid-character'
              ? 'signIn.codeCharacter'
              : position === undefined
                ? 'signIn.codeCheckNoPosition'
                : 'signIn.codeCheck';
        errors.push({ key, parameters: { count, position: position ?? 0 }, target: 'code' });
        if (suggestion !== undefined)
          errors.push({ key: 'signIn.codeSuggestion', parameters: { suggestion }, target: 'code' });
      }
    }
    for (const question of this.state.election.manifest.securityQuestions) {
      if ((this.state.answers[question.id] ?? '').trim() === '')
        errors.push({
          key: 'signIn.answerEmpty',
          parameters: { question: questionLabel(question) },
          target: `answer-${question.id}`,
        });
    }
    return errors;
  }

  async signIn(): Promise<void> {
    this.qr.stop();
    const errors = this.#signInErrors();
    const resumed = this.#resumeAt !== null;
    if (errors.length > 0) return this.go({ kind: 'sign-in', errors, busy: false, resumed });
    this.go({ kind: 'sign-in', errors: [], busy: true, resumed }, false);
    const { election } = this.state;
    const electionId = election.manifest.electionId;
    try {
      const { challenge } = await api.challenge(electionId);
      const answers = { ...this.state.answers };
      const signed = await this.#worker.request({
        type: 'sign-in',
        electionId,
        code: this.state.code,
        manifestHash: election.manifestHash,
        challenge,
        answers,
      });
      if (signed.type !== 'signed-in') throw new Error('unexpected worker answer');
      const session = await api.signIn(electionId, {
        credential: signed.credential,
        answers,
        challenge,
        signature: signed.signature,
      });
      // Signed in: the code and answers are no longer needed anywhere.
      this.state.code = '';
      this.state.answers = {};
      this.state.token = session.token;
      this.state.style =
        session.style === undefined
          ? null
          : (styleContestIndexes(election.manifest, session.style) ?? null);
      // The "Was my pack used?" page says so, for the aggregate uptake count (spec §9.10).
      const report = await api.me(
        electionId,
        session.token,
        this.state.mode === 'pack' ? 'pack-check' : undefined
      );
      if (this.state.mode === 'pack') {
        this.state.token = null;
        await this.#worker.request({ type: 'forget' });
        return this.go({ kind: 'pack', report });
      }
      const final = election.manifest.policy === 'first-ballot-final';
      if (report.channel === 'postal' || (report.channel === 'online' && final)) {
        this.state.token = null;
        await this.#worker.request({ type: 'forget' });
        return this.go({ kind: 'voted', report });
      }
      this.#prepareRanked();
      const resume = this.#resumeAt;
      this.#resumeAt = null;
      this.go(resume === 'review' ? { kind: 'review' } : { kind: 'ballot', errors: [] });
    } catch (error) {
      this.go({ kind: 'sign-in', errors: [signInFailure(error)], busy: false, resumed });
    }
  }

  /**
   * As the ballot shows a ranked contest, the worker builds what its encryption reuses (spec
   * §11.2) while the member ranks; the later `encrypt` waits behind it in the worker's queue.
   * Only a speed-up: a failure here leaves `encrypt` to build the same tables itself.
   */
  #prepareRanked(): void {
    const { manifest, keys } = this.state.election;
    const candidates = manifest.contests.flatMap((contest, c) =>
      isRankedContest(contest) && onBallot(this.state, c) ? [contest.candidates.length] : []
    );
    if (keys === null || candidates.length === 0) return;
    void this.#worker
      .request({
        type: 'prepare-ranked',
        electionKey: keys.electionKey,
        baseHash: keys.baseHash,
        candidates,
      })
      .catch(() => undefined);
  }

  toggle(contest: number, candidate: number, single: boolean): void {
    const chosen = this.state.choices[contest];
    if (chosen === undefined) return;
    if (single) chosen.splice(0, chosen.length, candidate);
    else if (chosen.includes(candidate)) chosen.splice(chosen.indexOf(candidate), 1);
    else chosen.push(candidate);
    chosen.sort((a, b) => a - b);
  }

  /** A ranked contest's box changed: kept as typed, read when the member goes on (spec §11.1). */
  typeRank(contest: number, candidate: number, value: string): void {
    const entries = this.state.rankingEntries[contest];
    if (entries !== undefined) entries[candidate] = value;
  }

  review(): void {
    const errors: FieldError[] = [];
    this.state.election.manifest.contests.forEach((contest, c) => {
      if (!onBallot(this.state, c)) return;
      if (isRankedContest(contest)) {
        const read = readRankedContest(contest, c, this.state.rankingEntries[c] ?? []);
        if ('errors' in read) errors.push(...read.errors);
        else this.state.choices[c] = [...read.ranking];
        return;
      }
      const count = this.state.choices[c]?.length ?? 0;
      const target = `contest-${c}`;
      if (count > contest.maxSelections)
        errors.push({
          key: 'ballot.tooMany',
          parameters: { contest: contestTitle(contest), max: contest.maxSelections },
          target,
        });
      else if (count < contest.minSelections)
        errors.push({
          key: contest.minSelections === 1 ? 'ballot.selectOne' : 'ballot.tooFew',
          parameters: { contest: contestTitle(contest), min: contest.minSelections },
          target,
        });
    });
    if (errors.length > 0) return this.go({ kind: 'ballot', errors });
    this.go({ kind: 'review' });
  }

  /**
   * Recomputes the key from the record afresh (spec §9.3.1), then encrypts in the worker (spec
   * §9.4); a key that does not follow from the trustees' ceremony is refused with its own message.
   */
  async encrypt(): Promise<void> {
    this.go({ kind: 'encrypting', stage: 'checking' });
    try {
      const checked = await loadCheckedElection(this.state.election.manifest.electionId);
      if (checked.keys === null || checked.manifestHash !== this.state.election.manifestHash)
        throw new Error('election changed');
      this.state.election = checked;
      const style = this.state.style ?? undefined;
      const choices = checkChoices(checked.manifest, this.state.choices, style);
      if (!choices.ok) throw new Error(choices.error.code);
      this.go({ kind: 'encrypting', stage: 'encrypting' }, false);
      const result = await this.#worker.request({
        type: 'encrypt',
        manifest: checked.manifest,
        electionKey: checked.keys.electionKey,
        baseHash: checked.keys.baseHash,
        choices: this.state.choices,
        ...(style === undefined ? {} : { style }),
      });
      if (result.type !== 'encrypted') throw new Error('unexpected worker answer');
      this.state.encrypted = result;
      this.go({ kind: 'decide', busy: false });
    } catch (error) {
      const refused =
        error instanceof ElectionCheckError && error.reason === 'key-not-from-ceremony';
      this.go(
        refused
          ? { kind: 'encrypting', stage: 'failed', message: 'app.keyNotFromCeremony' }
          : { kind: 'encrypting', stage: 'failed' }
      );
    }
  }

  async cast(): Promise<void> {
    const { encrypted, token, election } = this.state;
    if (encrypted === null || token === null) return;
    this.go({ kind: 'decide', busy: true }, false);
    try {
      const receipt = await api.cast(election.manifest.electionId, token, encrypted.ballot);
      const checked = await this.#worker.request({
        type: 'verify-receipt',
        manifestHash: election.manifestHash,
        // Spec §10.4: the manifest's board key, whose hash the fingerprint covers; never the
        // summary's, which a server could point at a key of its own.
        boardPublicKey: election.boardPublicKey,
        receipt,
      });
      await this.#worker.request({ type: 'forget' });
      this.state.token = null;
      this.state.encrypted = null;
      this.go({
        kind: 'receipt',
        receipt,
        signatureValid: checked.type === 'receipt-checked' && checked.valid,
      });
    } catch (error) {
      const failure = castFailure(error);
      if (FINAL_REFUSALS.has(failure.key)) {
        // Nothing more can be cast with this session: drop the ballot, the key and the token.
        this.state.encrypted = null;
        this.state.token = null;
        await this.#worker.request({ type: 'forget' }).catch(() => undefined);
      }
      this.go({ kind: 'decide', busy: false, error: failure });
    }
  }

  /** Benaloh challenge: open the ballot, publish it as audited, then encrypt afresh. */
  async checkDevice(): Promise<void> {
    const { token, election } = this.state;
    if (token === null) return;
    this.go({ kind: 'decide', busy: true }, false);
    try {
      const opened = await this.#worker.request({ type: 'open' });
      if (opened.type !== 'opened') throw new Error('unexpected worker answer');
      this.state.encrypted = null;
      const receipt = await api.audit(election.manifest.electionId, opened.audited);
      this.go({ kind: 'audited', audited: opened.audited, receipt });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'device';
      this.go({
        kind: 'decide',
        busy: false,
        error: { key: 'audit.failed', parameters: { code } },
      });
    }
  }
}

function signInFailure(error: unknown): FieldError {
  const code = error instanceof ApiError ? error.code : '';
  const key: MessageKey =
    code === 'auth/credential-locked'
      ? 'signIn.locked'
      : code === 'auth/credential-revoked'
        ? 'signIn.revoked'
        : code === 'request/rate-limited'
          ? 'signIn.rateLimited'
          : code === 'auth/sign-in-failed' || code === 'auth/invalid-signature'
            ? 'signIn.failed'
            : 'signIn.unavailable';
  return key === 'signIn.failed' ? { key, target: 'code' } : { key };
}

/** Refusals after which this session can cast nothing (the voter is told why, with no buttons). */
export const FINAL_REFUSALS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'decide.closed',
  'decide.notOpen',
  'decide.alreadyUsed',
  'decide.usedByPost',
  'decide.sessionExpired',
]);

function castFailure(error: unknown): FieldError {
  const code = error instanceof ApiError ? error.code : 'device';
  const known: Partial<Record<ApiErrorCode | 'device', MessageKey>> = {
    'election/closed': 'decide.closed',
    'election/not-open': 'decide.notOpen',
    'ballot/credential-already-used': 'decide.alreadyUsed',
    'ballot/credential-used-by-post': 'decide.usedByPost',
    'auth/invalid-token': 'decide.sessionExpired',
    'auth/token-expired': 'decide.sessionExpired',
    'auth/missing-token': 'decide.sessionExpired',
  };
  return { key: known[code] ?? 'decide.failed', parameters: { code } };
}
