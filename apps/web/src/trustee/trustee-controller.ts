/**
 * @module The trustee's page (spec §7.9.2): what it holds and what each button does. The key file
 * is read from a file the trustee opens and held in this page's memory only; what must outlive a
 * reload between dealing and the end of the ceremony (sᵢᵢ and the messages posted) is sealed under
 * that key file before anything is posted, kept in this browser's storage (useless without the
 * key file) and offered as a download in the CLI's `.ceremony` format. What to do next is read
 * from the board with @scrutineer/protocol's `ceremonyProgress`, as the CLI does.
 */
import {
  type CeremonyProgress,
  type TrusteeKeyFile,
  bodiesOf,
  ceremonyEvents,
  ceremonyProgress,
  keyFileMatchesManifest,
  lastBodyOf,
  manifestEntry,
  openCeremonyState,
  parseAnnouncedCheckpointText,
  parseTrusteeKeyFile,
  sealCeremonyState,
} from '@scrutineer/protocol';
import { type BoardEvent, type EventBody, type Manifest, manifestHash } from '@scrutineer/record';
import { ApiError } from '@scrutineer/api-contract';
import { tt } from './i18n/trustee-i18n.ts';
import {
  fetchEvents,
  fetchManifest,
  fetchServedRecord,
  postTrusteeMessage,
} from './trustee-api.ts';
import { TrusteeWorker } from './trustee-worker-client.ts';
import type { CeremonyBodies } from './trustee-worker-protocol.ts';

export interface Download {
  readonly url: string;
  readonly name: string;
}

export interface FieldError {
  readonly text: string;
  readonly target?: string;
}

export interface TrusteeState {
  readonly electionId: string;
  readonly index: number;
  manifest: Manifest | null;
  events: readonly BoardEvent[];
  loaded: boolean;
  file: TrusteeKeyFile | null;
  /** sᵢᵢ, opened from the sealed state. */
  ownShare: string | null;
  needStateFile: boolean;
  downloads: {
    key?: Download;
    publicEntry?: Download;
    state?: Download;
    share?: Download;
  };
  /** A file to save before going on (a new key, or the key with its secret share). */
  awaitingSave: 'key' | 'share' | null;
  checked: {
    readonly good: readonly number[];
    readonly complaints: readonly EventBody<'trustee-complaint'>[];
  } | null;
  busy: boolean;
  errors: FieldError[];
  name: string;
  checkpoint: string;
}

const POLL_MS = 3000;

function storageKey(electionId: string, index: number): string {
  return `scrutineer.trustee-ceremony.${electionId}.${index}`;
}

function download(name: string, value: unknown): Download {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  return { url: URL.createObjectURL(blob), name };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrusteePage {
  readonly state: TrusteeState;
  readonly #worker = new TrusteeWorker();
  readonly #render: (focus: boolean) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(electionId: string, index: number, render: (focus: boolean) => void) {
    this.state = {
      electionId,
      index,
      manifest: null,
      events: [],
      loaded: false,
      file: null,
      ownShare: null,
      needStateFile: false,
      downloads: {},
      awaitingSave: null,
      checked: null,
      busy: false,
      errors: [],
      name: '',
      checkpoint: '',
    };
    this.#render = render;
  }

  get fileBase(): string {
    return `trustee-${this.state.index}-${this.state.electionId}`;
  }

  progress(): CeremonyProgress | null {
    const { manifest, file, events } = this.state;
    if (manifest === null || file === null) return null;
    return ceremonyProgress(manifest.trustees, events, file.trustee);
  }

  /** Runs an action with the page marked busy; a failure becomes the page's error. */
  async #act(action: () => Promise<void>, focus = true): Promise<void> {
    this.state.busy = true;
    this.state.errors = [];
    this.#render(false);
    try {
      await action();
    } catch (error) {
      this.state.errors = [
        {
          text:
            error instanceof ApiError
              ? tt('trustee.error.board', { reason: `${error.code}: ${error.message}` })
              : tt('trustee.error.failed', { reason: reason(error) }),
        },
      ];
    } finally {
      this.state.busy = false;
    }
    this.#render(focus);
  }

  start(): void {
    void this.#act(() => this.#reload());
  }

  /** Reads the board again and does what follows from it without a click (opening the state). */
  async #reload(): Promise<void> {
    const { electionId } = this.state;
    this.state.manifest = await fetchManifest(electionId);
    this.state.events = this.state.manifest === null ? [] : await fetchEvents(electionId);
    this.state.loaded = true;
    const { manifest, file } = this.state;
    if (manifest !== null && file !== null) {
      const matches = keyFileMatchesManifest(manifest, file);
      if (!matches.ok) {
        this.state.file = null;
        this.state.errors = [{ text: tt('trustee.error.key-not-in-manifest'), target: 'key-file' }];
        return;
      }
      const progress = this.progress();
      const needsOwnShare =
        file.secretShare === undefined &&
        progress !== null &&
        progress.next !== 'deal' &&
        progress.next !== 'not-qualified';
      if (needsOwnShare && this.state.ownShare === null) {
        const kept = localStorage.getItem(storageKey(electionId, this.state.index));
        if (kept !== null) this.#openState(kept, manifest, file);
        this.state.needStateFile = this.state.ownShare === null;
      }
      if (
        progress?.next === 'check-shares' &&
        this.state.ownShare !== null &&
        this.state.checked === null
      )
        await this.#checkShares();
    }
    this.#schedulePoll();
  }

  #openState(text: string, manifest: Manifest, file: TrusteeKeyFile): boolean {
    const opened = openCeremonyState(text, file, manifestHash(manifest));
    if (!opened.ok) {
      this.state.errors = [
        { text: tt('trustee.error.state', { reason: opened.error.message }), target: 'state-file' },
      ];
      return false;
    }
    this.state.ownShare = opened.value.ownShare;
    this.state.needStateFile = false;
    return true;
  }

  /** While the trustee waits for others (or the officer), the board is read again now and then. */
  #schedulePoll(): void {
    clearTimeout(this.#timer);
    const progress = this.progress();
    const waiting =
      this.state.awaitingSave === null &&
      this.state.file !== null &&
      (this.state.manifest === null ||
        progress?.next === 'wait-for-dealers' ||
        progress?.next === 'check-shares');
    if (!waiting) return;
    this.#timer = setTimeout(() => {
      if (this.state.busy) return this.#schedulePoll();
      void this.#reload().then(
        () => this.#render(false),
        () => this.#schedulePoll()
      );
    }, POLL_MS);
  }

  refresh(): void {
    void this.#act(() => this.#reload());
  }

  setName(name: string): void {
    this.state.name = name;
  }

  setCheckpoint(value: string): void {
    this.state.checkpoint = value;
  }

  createKey(): void {
    const name = this.state.name.trim();
    if (name === '') {
      this.state.errors = [{ text: tt('trustee.nameMissing'), target: 'trustee-name' }];
      return this.#render(true);
    }
    void this.#act(async () => {
      const created = await this.#worker.request(
        { type: 'create-key', electionId: this.state.electionId, trustee: this.state.index, name },
        'key-created'
      );
      if (created.type !== 'key-created') throw new Error(created.message);
      this.state.file = created.file;
      this.state.downloads = {
        key: download(`${this.fileBase}.json`, created.file),
        publicEntry: download(`${this.fileBase}.public.json`, manifestEntry(created.file)),
      };
      this.state.awaitingSave = 'key';
    });
  }

  /** The trustee says the file is saved: the page goes on from the board. */
  saved(): void {
    this.state.awaitingSave = null;
    void this.#act(() => this.#reload());
  }

  async openKeyFile(file: File): Promise<void> {
    const parsed = parseTrusteeKeyFile(await file.text());
    if (!parsed.ok) {
      this.state.errors = [
        {
          text:
            parsed.error.code === 'trustee/officer-key-file'
              ? tt('trustee.error.officer-key-file')
              : tt('trustee.error.not-a-key-file'),
          target: 'key-file',
        },
      ];
      return this.#render(true);
    }
    const key = parsed.value;
    if (key.electionId !== this.state.electionId || key.trustee !== this.state.index) {
      this.state.errors = [
        {
          text: tt('trustee.error.wrong-trustee', {
            trustee: key.trustee,
            election: key.electionId,
          }),
          target: 'key-file',
        },
      ];
      return this.#render(true);
    }
    this.state.file = key;
    this.state.ownShare = null;
    this.state.checked = null;
    await this.#act(() => this.#reload());
  }

  async openStateFile(file: File): Promise<void> {
    const { manifest, file: key } = this.state;
    if (manifest === null || key === null) return;
    if (this.#openState(await file.text(), manifest, key)) {
      localStorage.setItem(storageKey(this.state.electionId, this.state.index), await file.text());
      await this.#act(() => this.#reload());
    } else this.#render(true);
  }

  /** Deals: seals sᵢᵢ and the messages first (browser storage + a download), then posts them. */
  deal(): void {
    void this.#act(async () => {
      const { manifest, file, electionId } = this.state;
      if (manifest === null || file === null) return;
      const dealt = await this.#worker.request({ type: 'deal', manifest, file }, 'dealt');
      if (dealt.type !== 'dealt') throw new Error(dealt.message);
      const sealed = sealCeremonyState(file, manifestHash(manifest), {
        ownShare: dealt.ownShare,
        commitments: dealt.commitments,
        shares: dealt.shares,
      });
      localStorage.setItem(storageKey(electionId, this.state.index), JSON.stringify(sealed));
      this.state.downloads.state = download(`${this.fileBase}.json.ceremony`, sealed);
      this.state.ownShare = dealt.ownShare;
      await postTrusteeMessage(electionId, 'trustee-commitments', dealt.commitments);
      await postTrusteeMessage(electionId, 'trustee-shares', dealt.shares);
      await this.#reload();
    });
  }

  #bodies(events: readonly BoardEvent[]): CeremonyBodies {
    return {
      commitments: bodiesOf(events, 'trustee-commitments'),
      shares: bodiesOf(events, 'trustee-shares'),
      complaints: bodiesOf(events, 'trustee-complaint'),
    };
  }

  async #checkShares(): Promise<void> {
    const { manifest, file, ownShare, events } = this.state;
    if (manifest === null || file === null || ownShare === null) return;
    const checked = await this.#worker.request(
      { type: 'check-shares', manifest, file, ownShare, bodies: this.#bodies(events) },
      'checked'
    );
    if (checked.type !== 'checked') throw new Error(checked.message);
    this.state.checked = { good: checked.good, complaints: checked.complaints };
  }

  /** One click: posts the signed complaint against `dealer`'s share (spec §7.5). */
  complain(dealer: number): void {
    void this.#act(async () => {
      const complaint = this.state.checked?.complaints.find((c) => c.dealer === dealer);
      if (complaint === undefined) return;
      await postTrusteeMessage(this.state.electionId, 'trustee-complaint', complaint);
      await this.#reload();
    });
  }

  conclude(): void {
    void this.#act(async () => {
      const { manifest, file, ownShare, events, electionId } = this.state;
      const ceremony = ceremonyEvents(events);
      const key = lastBodyOf(events, 'election-key');
      if (manifest === null || file === null || ownShare === null) return;
      if (ceremony === undefined || key === undefined) return;
      const concluded = await this.#worker.request(
        {
          type: 'conclude',
          manifest,
          file,
          ownShare,
          bodies: this.#bodies(ceremony),
          publishedKey: key.publicKey,
        },
        'concluded'
      );
      if (concluded.type !== 'concluded') throw new Error(concluded.message);
      this.state.file = concluded.file;
      this.state.downloads = { share: download(`${this.fileBase}.json`, concluded.file) };
      this.state.awaitingSave = 'share';
      // sᵢᵢ has no further use once the secret share is in the key file.
      localStorage.removeItem(storageKey(electionId, this.state.index));
      this.state.ownShare = null;
    });
  }

  rehearse(): void {
    void this.#act(async () => {
      const { manifest, file, events, electionId } = this.state;
      const key = lastBodyOf(events, 'election-key');
      if (manifest === null || file === null || key === undefined) return;
      const made = await this.#worker.request(
        { type: 'rehearse', manifest, file, electionKey: key.publicKey },
        'rehearsal'
      );
      if (made.type !== 'rehearsal') throw new Error(made.message);
      await postTrusteeMessage(electionId, 'rehearsal-share', made.body);
      await this.#reload();
    });
  }

  decrypt(): void {
    const checkpoint = parseAnnouncedCheckpointText(this.state.checkpoint);
    if (!checkpoint.ok) {
      this.state.errors = [{ text: tt('trustee.checkpointInvalid'), target: 'checkpoint' }];
      return this.#render(true);
    }
    void this.#act(async () => {
      const { file, electionId } = this.state;
      if (file === null) return;
      const record = await fetchServedRecord(electionId);
      const made = await this.#worker.request(
        { type: 'decrypt', file, record, checkpoint: checkpoint.value },
        'decryption'
      );
      if (made.type === 'refused') {
        this.state.errors = [
          { text: tt('trustee.error.record', { reason: `${made.code}: ${made.message}` }) },
        ];
        return;
      }
      await postTrusteeMessage(electionId, 'decryption-share', made.body);
      await this.#reload();
    });
  }
}
