/**
 * @module Reading the voting code from the QR code printed beside it on the pack (apps/cli
 * pdf/pack-page.ts: the QR code carries the code exactly as printed), from the camera
 * (`getUserMedia`, frames decoded with jsQR, loaded only when needed) or from a photo the voter
 * picks. Everything stays on this device: frames are decoded in memory and never stored or sent,
 * and the camera is released as soon as a code is read or the voter stops. Typing the code
 * remains the main way; this is an aid.
 */
import { parseVotingCode } from '@scrutineer/crypto';
import type { MessageKey } from '../i18n/i18n.ts';

/** How often a camera frame is decoded (decoding is on this thread; a few frames a second do). */
const FRAME_INTERVAL_MS = 200;
/** Frames are scaled down to at most this width before decoding (speed; a pack QR is large). */
const MAX_DECODE_WIDTH = 800;

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

let decoder: Promise<Decoder> | null = null;
function loadDecoder(): Promise<Decoder> {
  // jsQR ships CommonJS (`exports.default`); depending on interop the function is one level down.
  decoder ??= import('jsqr').then((module) => {
    const value = module.default as unknown as Decoder | { default: Decoder };
    return typeof value === 'function' ? value : value.default;
  });
  return decoder;
}

async function decodeImage(source: CanvasImageSource, width: number, height: number) {
  const scale = Math.min(1, MAX_DECODE_WIDTH / width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return (await loadDecoder())(pixels.data, canvas.width, canvas.height);
}

export type ScanState =
  { readonly kind: 'closed' } | { readonly kind: 'open'; readonly message: MessageKey | null };

/** Owns the camera stream and the one video element that shows it, across re-renders. */
export class QrReader {
  state: ScanState = { kind: 'closed' };
  readonly video: HTMLVideoElement;
  #stream: MediaStream | null = null;
  #timer: number | null = null;
  readonly #onCode: (code: string) => void;
  readonly #onChange: () => void;

  /** `onCode` gets a valid voting code; `onChange` re-renders after a state change. */
  constructor(onCode: (code: string) => void, onChange: () => void) {
    this.#onCode = onCode;
    this.#onChange = onChange;
    this.video = document.createElement('video');
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.className = 'scan-video';
  }

  /** Opens the panel and starts the camera; without one, the panel offers the photo instead. */
  async open(): Promise<void> {
    this.#set({ kind: 'open', message: 'scan.starting' });
    void loadDecoder();
    try {
      if (navigator.mediaDevices === undefined) throw new Error('no media devices');
      this.#stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
    } catch {
      return this.#set({ kind: 'open', message: 'scan.noCamera' });
    }
    if (this.state.kind === 'closed') return this.#release();
    this.video.srcObject = this.#stream;
    await this.video.play().catch(() => undefined);
    this.#set({ kind: 'open', message: 'scan.looking' });
    this.#timer = window.setInterval(() => void this.#scanFrame(), FRAME_INTERVAL_MS);
  }

  close(): void {
    this.#release();
    this.#set({ kind: 'closed' });
  }

  /** Releases the camera without re-rendering (the booth is leaving the sign-in step). */
  stop(): void {
    this.#release();
    this.state = { kind: 'closed' };
  }

  /** Decodes a photo of the QR code the voter picked. */
  async readPhoto(file: File): Promise<void> {
    let found: { data: string } | null = null;
    try {
      const bitmap = await createImageBitmap(file);
      found = await decodeImage(bitmap, bitmap.width, bitmap.height);
      bitmap.close();
    } catch {
      found = null;
    }
    this.#accept(found?.data ?? null, 'scan.photoNotFound');
  }

  async #scanFrame(): Promise<void> {
    const { videoWidth, videoHeight } = this.video;
    if (this.#stream === null || videoWidth === 0) return;
    const found = await decodeImage(this.video, videoWidth, videoHeight);
    if (found !== null) this.#accept(found.data, null);
  }

  /** A decoded text becomes the code only if it is a valid voting code (check character too). */
  #accept(text: string | null, notFound: MessageKey | null): void {
    if (text !== null && parseVotingCode(text).ok) {
      this.close();
      return this.#onCode(text);
    }
    const message = text !== null ? 'scan.notACode' : notFound;
    if (message !== null && this.state.kind === 'open') this.#set({ kind: 'open', message });
  }

  #release(): void {
    if (this.#timer !== null) window.clearInterval(this.#timer);
    this.#timer = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    this.video.srcObject = null;
  }

  #set(state: ScanState): void {
    const changed =
      state.kind !== this.state.kind ||
      (state.kind === 'open' && this.state.kind === 'open' && state.message !== this.state.message);
    this.state = state;
    if (changed) this.#onChange();
  }
}
