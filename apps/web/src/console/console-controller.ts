/**
 * @module The console's state and steps: which election, the officer's key (in memory and this
 * tab's sessionStorage), the board as last read, the files the officer chose (read into memory so
 * a redraw keeps them), and the message of the last step. Every step is a call of
 * console-actions.ts or console-api.ts; a redraw follows each.
 */
import type { AuditLog, HourlyTurnout, Turnout } from '@scrutineer/api-contract';
import type { AuditStatus, BoardEvent, Manifest, Result } from '@scrutineer/record';
import { type RollAuditReport, auditRollReport, parseRoll } from '@scrutineer/protocol';
import {
  type Officer,
  type StepProblem,
  type TallyCheckpoint,
  loadCredentialsAndOpen,
  publishElectionKey,
  publishResult,
  readAnswersTable,
  sealingCheckpoint,
  startTally,
} from './console-actions.ts';
import { consoleApi } from './console-api.ts';
import { boardEvents, boardManifest } from './console-board.ts';
import {
  type ConsoleError,
  type Worded,
  describeCode,
  describeFailure,
  describeProblem,
  said,
} from './console-errors.ts';
import {
  cancelElection,
  enterKeyedBatch,
  postReplacementText,
  receiveSlip,
  recordHandCount,
  uploadScannerText,
} from './console-postal.ts';
import { checkDraft } from './console-manifest.ts';
import { riskText } from './console-audit.ts';
import {
  commitObserverSeed,
  drawSample,
  endAudit,
  revealObserverSeed,
  startAudit,
} from './console-audit-steps.ts';
import { forgetKey, generateOfficerKey, signIn, storedKey } from './console-session.ts';
import { type ConsoleKey, ct } from './i18n/console-i18n.ts';
import { officerKeyHash } from '@scrutineer/protocol';

export interface ChosenFile {
  readonly name: string;
  readonly text: string;
}

export interface Board {
  readonly manifest: Manifest;
  readonly stage: string;
  readonly fingerprint: string | null;
  readonly events: readonly BoardEvent[];
  readonly turnout: Turnout;
  readonly hourly: HourlyTurnout;
  readonly auditLog: AuditLog['entries'];
  readonly checkpoint: TallyCheckpoint | null;
  /** The postal audit's public status (spec §9.8), once the record holds any audit event. */
  readonly audit: AuditStatus | null;
  /** Envelopes received into each opening batch (the officer's read; never published). */
  readonly envelopeBatches: readonly { readonly batch: string; readonly envelopes: number }[];
  readonly readAt: Date;
}

export interface ConsoleState {
  electionId: string;
  officer: Officer | null;
  board: Board | null;
  /** Errors of the form on show, each worded when shown (console-errors.ts `said`). */
  errors: ConsoleError[];
  /**
   * The outcome of the last step, announced in the status region; worded when shown, like the
   * errors, so it follows a switch of language.
   */
  message: Worded;
  busy: boolean;
  files: Record<string, ChosenFile>;
  text: Record<string, string>;
  confirmOpen: boolean;
  /** The cancel section shows its warning and reason (the GOV.UK confirmation step). */
  confirmCancel: boolean;
  roll: RollAuditReport | null;
  /** After creating an election: the new key to download, shown once. */
  created: { readonly electionId: string; readonly key: string; readonly hash: string } | null;
}

/** The status line's sentence for `key`, made each time it is shown (console-errors.ts `said`). */
function words(key: ConsoleKey, parameters?: Readonly<Record<string, string | number>>): Worded {
  return said(() => ct(key, parameters));
}

/** An empty status line. */
const NOTHING: Worded = { text: '' };

/** What a step ends with: its outcome for the status line, or a refusal for the error summary. */
type StepOutcome =
  Worded | { problem: { code: string; detail: string }; target?: string | undefined };

export class ConsoleController {
  readonly state: ConsoleState;
  readonly #redraw: (focus: boolean) => void;

  constructor(electionId: string | null, redraw: (focus: boolean) => void) {
    this.#redraw = redraw;
    const key = electionId === null ? null : storedKey(electionId);
    this.state = {
      electionId: electionId ?? '',
      officer: electionId !== null && key !== null ? { electionId, key } : null,
      board: null,
      errors: [],
      message: NOTHING,
      busy: false,
      files: {},
      text: {},
      confirmOpen: false,
      confirmCancel: false,
      roll: null,
      created: null,
    };
  }

  async start(): Promise<void> {
    // After the router has taken this page's render function (start is called while it is made).
    await Promise.resolve();
    this.#redraw(true);
    if (this.state.officer !== null) await this.refresh(true);
    // The board changes while the officer watches (trustees deal, voters vote): read it again
    // every few seconds, and redraw only when something changed, without moving focus.
    setInterval(() => {
      if (this.state.officer !== null && !this.state.busy) void this.refresh(false, true);
    }, 4000);
  }

  async choose(name: string, file: File | undefined): Promise<void> {
    if (file === undefined) delete this.state.files[name];
    else this.state.files[name] = { name: file.name, text: await file.text() };
    // Shows which file is chosen (a redraw makes new inputs; the text is kept here).
    this.#redraw(false);
  }

  async refresh(focus: boolean, quiet = false): Promise<void> {
    const officer = this.state.officer;
    if (officer === null) return;
    try {
      const [manifest, summary, events, turnout, hourly, log] = await Promise.all([
        boardManifest(officer.electionId),
        consoleApi.summary(officer.electionId),
        boardEvents(officer.electionId),
        consoleApi.turnout(officer.electionId),
        consoleApi.hourlyTurnout(officer.electionId),
        consoleApi.auditLog(officer.electionId, officer.key),
      ]);
      const tally = events.find((e) => e.type === 'encrypted-tally');
      const before = this.state.board;
      const checkpoint =
        tally === undefined
          ? null
          : (before?.checkpoint ?? (await sealingCheckpoint(officer.electionId, tally.position)));
      // Spec §9.8: the audit runs between the close and the tally; its steps are offered then.
      const envelopeBatches = manifest.channels.postal
        ? (await consoleApi.postalEnvelopeBatches(officer.electionId, officer.key)).batches
        : [];
      const audit =
        manifest.channels.postal &&
        (summary.stage === 'closed' || events.some((e) => e.type.startsWith('postal-audit-')))
          ? await consoleApi.postalAuditStatus(officer.electionId)
          : null;
      const changed =
        before === null ||
        before.events.length !== events.length ||
        before.auditLog.length !== log.entries.length ||
        before.turnout.total !== turnout.total;
      this.state.board = {
        manifest,
        stage: summary.stage,
        fingerprint: summary.fingerprint,
        events,
        turnout,
        hourly,
        auditLog: log.entries,
        checkpoint,
        audit,
        envelopeBatches,
        readAt: new Date(),
      };
      if (!quiet || changed) this.#redraw(focus);
    } catch (error) {
      if (quiet) return;
      this.state.errors = [said(() => describeFailure(error))];
      this.#redraw(focus);
    }
  }

  async signIn(): Promise<void> {
    const electionId = (this.state.text['election'] ?? this.state.electionId).trim();
    const keyText = this.state.files['key']?.text ?? this.state.text['key'] ?? '';
    this.state.busy = true;
    this.#redraw(false);
    const outcome = await signIn(electionId, keyText);
    this.state.busy = false;
    if (!outcome.ok) {
      const problem = outcome.error;
      this.state.errors = [
        problem.field === 'election'
          ? said(() => ct(problem.code), 'election')
          : problem.field === 'key'
            ? said(() => describeProblem({ code: problem.code, detail: '' }), 'key-file')
            : said(() => describeFailure(problem.error)),
      ];
      return this.#redraw(true);
    }
    // The dashboard lives at its own address; the key goes with the tab, not the URL.
    location.assign(`/console/${electionId}${location.search}`);
  }

  signOut(): void {
    if (this.state.officer !== null) forgetKey(this.state.officer.electionId);
    location.assign(`/console${location.search}`);
  }

  async create(): Promise<void> {
    const operatorKey = (this.state.text['operator-key'] ?? '').trim();
    const manifestText = this.state.files['manifest']?.text ?? this.state.text['manifest'] ?? '';
    const errors: ConsoleState['errors'] = [];
    if (operatorKey === '') errors.push(said(() => ct('error.noOperatorKey'), 'operator-key'));
    if (manifestText.trim() === '')
      errors.push(said(() => ct('error.noManifest'), 'manifest-file'));
    const draft = errors.length === 0 ? checkDraft(manifestText) : null;
    if (draft !== null && !draft.ok)
      errors.push(said(() => describeProblem(draft.error), 'manifest-file'));
    if (errors.length > 0 || draft === null || !draft.ok) {
      this.state.errors = errors;
      return this.#redraw(true);
    }
    const key = generateOfficerKey();
    await this.#step(async () => {
      const made = await consoleApi.createElection(operatorKey, draft.value, officerKeyHash(key));
      this.state.created = {
        electionId: made.manifest.electionId,
        key,
        hash: made.manifestHash,
      };
      sessionStorage.setItem(`scrutineer-officer:${made.manifest.electionId}`, key);
      return words('create.created', {
        election: made.manifest.electionId,
        hash: made.manifestHash,
      });
    });
  }

  auditRoll(): void {
    const file = this.state.files['roll'];
    this.state.errors = [];
    if (file === undefined) return;
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch (error) {
      this.state.errors = [
        said(() => ct('error.badJson', { detail: (error as Error).message }), 'roll-file'),
      ];
      return this.#redraw(true);
    }
    const roll = parseRoll(value);
    if (!roll.ok) {
      this.state.errors = [
        said(() => ct('error.generic', { detail: roll.error.message }), 'roll-file'),
      ];
      return this.#redraw(true);
    }
    // The same audit as `scrutineer roll audit --manifest`: the roll's categories and weights are
    // checked against this election's ballot styles and weights (spec §13.1.1).
    this.state.roll = auditRollReport(roll.value, {}, this.state.board?.manifest);
    this.state.message = words('roll.audited', {
      members: this.state.roll.members,
      findings: this.state.roll.findings.length + this.state.roll.terms.length,
    });
    this.#redraw(false);
  }

  publishNominations(): Promise<void> {
    const file = this.state.files['nominations'];
    return this.#officerStep(async (officer) => {
      if (file === undefined) return words('error.nominations');
      await consoleApi.publishNominations(officer.electionId, officer.key, file.text);
      return words('nominations.done', { bytes: file.text.length });
    });
  }

  publishKey(): Promise<void> {
    return this.#officerStep(async (officer) => {
      const published = await publishElectionKey(officer);
      return published.ok ? words('ceremony.keyPublished') : { problem: published.error };
    });
  }

  open(): Promise<void> {
    const file = this.state.files['answers'];
    return this.#officerStep(async (officer) => {
      if (file === undefined) return { problem: { code: 'console/answers', detail: '' } };
      const table = readAnswersTable(file.text, officer.electionId);
      if (!table.ok) return { problem: table.error };
      const opened = await loadCredentialsAndOpen(officer, table.value);
      return opened.ok
        ? words('credentials.opened', { fingerprint: opened.value.fingerprint ?? '' })
        : { problem: opened.error };
    });
  }

  close(): Promise<void> {
    return this.#officerStep(async (officer) => {
      await consoleApi.close(officer.electionId, officer.key);
      return words('close.done');
    });
  }

  tally(): Promise<void> {
    return this.#officerStep(async (officer) => {
      const checkpoint = await startTally(officer);
      return words('tally.checkpoint', { size: checkpoint.size, root: checkpoint.root });
    });
  }

  publishResult(): Promise<void> {
    return this.#officerStep(async (officer) => {
      const manifest = await boardManifest(officer.electionId);
      const published = await publishResult(officer, manifest);
      return published.ok ? words('tally.published') : { problem: published.error };
    });
  }

  receiveSlip(): Promise<void> {
    const slip = (this.state.text['postal-slip'] ?? '').trim();
    const batch = (this.state.text['postal-slip-batch'] ?? '').trim();
    return this.#officerStep(async (officer) => {
      const received = await receiveSlip(officer, slip, batch);
      if (!received.ok) return { problem: received.error, target: 'postal-slip' };
      this.state.text['postal-slip'] = '';
      return words('postal.slipDone', { credential: received.value.slice(0, 12) });
    });
  }

  uploadScanner(): Promise<void> {
    const file = this.state.files['scanner'];
    return this.#officerStep(async (officer) => {
      if (file === undefined)
        return { problem: { code: 'console/scanner-file', detail: '' }, target: 'scanner-file' };
      const report = await uploadScannerText(officer, file.text, file.name);
      if (!report.ok) return { problem: report.error, target: 'scanner-file' };
      const { envelopes, received, alreadyReceived, refused } = report.value;
      // Refused envelopes are no failure of the upload: each is listed with the board's reason.
      this.#later = refused.map((r) =>
        said(() => ct('postal.refusedRow', { row: r.row, reason: describeCode(r.code) }))
      );
      return words('postal.scannerDone', {
        envelopes,
        received,
        already: alreadyReceived,
        refused: refused.length,
      });
    });
  }

  #field(id: string): string {
    return (this.state.text[id] ?? '').trim();
  }

  #clear(...ids: string[]): void {
    for (const id of ids) this.state.text[id] = '';
  }

  /** An observer's step: their name and commitment or seed, each refusal at its field. */
  #observerStep(
    [observerId, valueId]: readonly [string, string],
    post: (
      officer: Officer,
      observer: string,
      value: string
    ) => Promise<Result<string, StepProblem>>,
    done: ConsoleKey
  ): Promise<void> {
    const observer = this.#field(observerId);
    const value = this.#field(valueId);
    return this.#officerStep(async (officer) => {
      const posted = await post(officer, observer, value);
      if (!posted.ok)
        return {
          problem: posted.error,
          target: posted.error.code === 'postal-audit/invalid-observer' ? observerId : valueId,
        };
      this.#clear(observerId, valueId);
      return words(done, { observer: posted.value });
    });
  }

  /** `postal audit commit`: an observer's commitment, before the start. */
  commitAuditSeed(): Promise<void> {
    const fields = ['rla-commit-observer', 'rla-commitment'] as const;
    return this.#observerStep(fields, commitObserverSeed, 'rla.committed');
  }

  /** `postal audit reveal`: an observer's seed, after the start. */
  revealAuditSeed(): Promise<void> {
    return this.#observerStep(
      ['rla-reveal-observer', 'rla-seed'],
      revealObserverSeed,
      'rla.revealed'
    );
  }

  /** `postal audit start --risk-limit`: no more batches or commitments after this. */
  startAudit(): Promise<void> {
    const riskLimit = this.#field('rla-risk-limit') || '5';
    return this.#officerStep(async (officer) => {
      const started = await startAudit(officer, riskLimit);
      if (!started.ok) return { problem: started.error, target: 'rla-risk-limit' };
      return words('rla.started', { limit: started.value });
    });
  }

  /** `postal audit sample [--full]`: the board draws the next round from the public seed. */
  drawAuditSample(): Promise<void> {
    const full = this.state.text['rla-full'] === 'yes';
    return this.#officerStep(async (officer) => {
      const sample = await drawSample(officer, full);
      this.#clear('rla-full');
      return words(sample.full ? 'rla.drawnFull' : 'rla.drawn', {
        round: sample.round,
        draws: sample.draws,
        batches: sample.batches.join(' ') || '—',
      });
    });
  }

  /** `postal audit end`: the board states the outcome the counts give, or refuses. */
  endAudit(): Promise<void> {
    return this.#officerStep(async (officer) => {
      const end = await endAudit(officer);
      return end.outcome === 'confirmed'
        ? words('rla.endConfirmed', { risk: riskText(end.riskPpm) })
        : words('rla.endHandCounted');
    });
  }

  recordHandCount(): Promise<void> {
    const field = (id: string): string => this.#field(id);
    const text = {
      batch: field('audit-batch'),
      papers: field('audit-papers'),
      spoilt: field('audit-spoilt') || '0',
      counts: field('audit-counts'),
    };
    const pending = this.state.board?.audit?.pending ?? [];
    return this.#officerStep(async (officer) => {
      const manifest = await boardManifest(officer.electionId);
      const counted = await recordHandCount(officer, manifest, pending, text);
      if (!counted.ok)
        return {
          problem: counted.error,
          target: counted.error.code === 'console/audit-batch' ? 'audit-batch' : 'audit-counts',
        };
      this.#clear('audit-batch', 'audit-papers', 'audit-spoilt', 'audit-counts');
      return words('rla.done', { batch: counted.value });
    });
  }

  enterBatch(): Promise<void> {
    const batch = (this.state.text['batch-id'] ?? '').trim();
    const style = (this.state.text['batch-style'] ?? '').trim().toLowerCase();
    // Spec §13.2.1 step 6: a malformed weight is left for keyedBatch to refuse as missing.
    const weightText = (this.state.text['batch-weight'] ?? '').trim();
    const weight = /^[1-9][0-9]{0,6}$/.test(weightText) ? Number(weightText) : undefined;
    const first = this.state.files['first-entries'];
    const second = this.state.files['second-entries'];
    return this.#officerStep(async (officer) => {
      if (first === undefined || second === undefined)
        return {
          problem: { code: 'postal/invalid-entry-file', detail: '' },
          target: first === undefined ? 'first-entries' : 'second-entries',
        };
      const manifest = await boardManifest(officer.electionId);
      const entered = await enterKeyedBatch(
        officer,
        manifest,
        batch,
        { first: first.text, second: second.text },
        style === '' ? undefined : style,
        weight
      );
      if (entered.ok)
        return words('postal.batchDone', {
          batch,
          papers: entered.value.papers,
          spoilt: entered.value.spoilt,
        });
      this.#later = (entered.error.mismatches ?? []).map((m) =>
        said(() => ct('postal.mismatch', { paper: m.paper, first: m.first, second: m.second }))
      );
      return {
        problem: entered.error,
        target:
          entered.error.code === 'console/batch-id'
            ? 'batch-id'
            : entered.error.code.endsWith('-style')
              ? 'batch-style'
              : entered.error.code.endsWith('-weight') || entered.error.code.includes('weight-not')
                ? 'batch-weight'
                : 'first-entries',
      };
    });
  }

  postReplacement(): Promise<void> {
    const file = this.state.files['replacement'];
    return this.#officerStep(async (officer) => {
      if (file === undefined)
        return {
          problem: { code: 'replacement/not-a-request', detail: '' },
          target: 'replacement-file',
        };
      const posted = await postReplacementText(officer, file.text);
      if (!posted.ok) return { problem: posted.error, target: 'replacement-file' };
      return words('packs.replaced', {
        revoked: posted.value.revoked.slice(0, 12),
        added: posted.value.added.slice(0, 12),
      });
    });
  }

  /** The first press of "Cancel the election" only shows the warning and asks for the reason. */
  askToCancel(asking: boolean): void {
    this.state.confirmCancel = asking;
    this.state.errors = [];
    this.#redraw(false);
    document.getElementById(asking ? 'cancel-reason' : 'cancel-start')?.focus();
  }

  cancel(): Promise<void> {
    const reason = this.state.text['cancel-reason'] ?? '';
    return this.#officerStep(async (officer) => {
      const cancelled = await cancelElection(officer, reason);
      if (!cancelled.ok) return { problem: cancelled.error, target: 'cancel-reason' };
      this.state.confirmCancel = false;
      return words('cancel.done', { position: cancelled.value });
    });
  }

  /** Errors a step lists after its own (refused rows, mismatched papers). */
  #later: ConsoleState['errors'] = [];

  #officerStep(run: (officer: Officer) => Promise<StepOutcome>): Promise<void> {
    const officer = this.state.officer;
    if (officer === null) return Promise.resolve();
    return this.#step(() => run(officer));
  }

  async #step(run: () => Promise<StepOutcome>): Promise<void> {
    this.state.busy = true;
    this.state.errors = [];
    this.#later = [];
    this.state.message = words('working.busy');
    this.#redraw(false);
    try {
      const outcome = await run();
      if (!('problem' in outcome)) this.state.message = outcome;
      else {
        this.state.message = NOTHING;
        this.state.errors = [
          outcome.target === undefined
            ? said(() => describeProblem(outcome.problem))
            : said(() => describeProblem(outcome.problem), outcome.target),
        ];
      }
      this.state.errors = [...this.state.errors, ...this.#later];
    } catch (error) {
      this.state.message = NOTHING;
      const stage = this.state.board?.stage;
      this.state.errors = [said(() => describeFailure(error, stage))];
    }
    this.state.busy = false;
    await this.refresh(false, true);
    this.#redraw(this.state.errors.length > 0);
  }

  /** Whether opening needs the officer to confirm a rehearsal shortfall first. */
  setConfirmOpen(value: boolean): void {
    this.state.confirmOpen = value;
  }
}

export { generateOfficerKey };
