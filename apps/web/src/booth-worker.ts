/**
 * @module Starts the booth's Web Workers only from bytes that match the build's Subresource
 * Integrity (spec §10.7.3, decision 0016). A worker script cannot carry an `integrity` attribute,
 * so the page fetches it with `fetch(url, { integrity })` — the browser refuses a body whose
 * sha384 differs — and starts the worker from a blob of exactly those bytes, with the booth
 * context (the page's address and the integrity table) set first, so a worker can start its own
 * workers the same way. The table is written into the page's entry script by the build
 * (build-web.ts), and that script is itself checked by the HTML's `integrity` attribute: one
 * chain from the HTML to every file that runs.
 */

/** What a worker started here is given before its own code runs. */
interface BoothContext {
  /** The page's address, to resolve the booth's paths against (a blob URL cannot be a base). */
  readonly base: string;
  /** The worker's own address, for `import.meta.url` in the worker (build-web.ts rewrites it). */
  readonly url: string;
  /** `/assets/<file>` → `sha384-…` for every file of the build but the HTML and entry script. */
  readonly sri: Readonly<Record<string, string>>;
}

declare global {
  var __scrutineerBooth: BoothContext | undefined;
}

/** Replaced, quotes and all, by the build with the integrity table as a JSON string. */
const SRI_TABLE = '__SCRUTINEER_SRI_TABLE__';

function boothContext(): Omit<BoothContext, 'url'> | null {
  if (globalThis.__scrutineerBooth !== undefined) return globalThis.__scrutineerBooth;
  // Unbuilt (the Vite dev server): no table, workers start as usual.
  if (!SRI_TABLE.startsWith('{')) return null;
  return { base: location.href, sri: JSON.parse(SRI_TABLE) as Record<string, string> };
}

type Listener<T> = ((event: T) => void) | null;

/** The parts of a `Worker` the booth uses; messages sent before the worker starts are queued. */
export interface BoothWorker {
  onmessage: Listener<MessageEvent>;
  onerror: Listener<ErrorEvent>;
  postMessage(message: unknown): void;
  terminate(): void;
}

class VerifiedWorker implements BoothWorker {
  onmessage: Listener<MessageEvent> = null;
  onerror: Listener<ErrorEvent> = null;
  #worker: Worker | null = null;
  #queue: unknown[] = [];
  #terminated = false;
  #blobUrl: string | null = null;

  constructor(path: string, context: Omit<BoothContext, 'url'>) {
    void this.#start(path, context).catch(() => {
      if (!this.#terminated) this.onerror?.(new ErrorEvent('error', { message: 'integrity' }));
    });
  }

  async #start(path: string, context: Omit<BoothContext, 'url'>): Promise<void> {
    const integrity = context.sri[path];
    // A worker the build did not list is a bug, and must not start unchecked.
    if (integrity === undefined) throw new Error(`no integrity for ${path}`);
    const url = new URL(path, context.base).href;
    const response = await fetch(url, { integrity, credentials: 'omit', cache: 'no-store' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const code = await response.text();
    const prefix = `globalThis.__scrutineerBooth=${JSON.stringify({ ...context, url })};\n`;
    const blobUrl = URL.createObjectURL(new Blob([prefix, code], { type: 'text/javascript' }));
    if (this.#terminated) return URL.revokeObjectURL(blobUrl);
    // Kept until terminate: revoking while the worker still loads could fail it.
    this.#blobUrl = blobUrl;
    const worker = new Worker(blobUrl, { type: 'module' });
    worker.onmessage = (event) => this.onmessage?.(event);
    worker.onerror = (event) => this.onerror?.(event);
    this.#worker = worker;
    for (const message of this.#queue) worker.postMessage(message);
    this.#queue = [];
  }

  postMessage(message: unknown): void {
    if (this.#worker === null) this.#queue.push(message);
    else this.#worker.postMessage(message);
  }

  terminate(): void {
    this.#terminated = true;
    this.#worker?.terminate();
    if (this.#blobUrl !== null) URL.revokeObjectURL(this.#blobUrl);
  }
}

/**
 * Starts the worker built at `path` (a `?worker&url` import): checked against the integrity
 * table in a build, as a plain module worker on the dev server.
 */
export function startBoothWorker(path: string): BoothWorker {
  const context = boothContext();
  if (context === null) return new Worker(new URL(path, location.href), { type: 'module' });
  return new VerifiedWorker(path, context);
}

/**
 * Fetches a file of the build — the verifier's WebAssembly module — with its integrity from the
 * table, so it is checked like the workers (spec §10.7.3); a file the table does not list is
 * refused. Unbuilt (the dev server), a plain fetch.
 */
export async function integrityFetch(url: URL): Promise<Response> {
  const context = boothContext();
  if (context === null) return fetch(url);
  const listed = Object.entries(context.sri).find(
    ([path]) => new URL(path, context.base).href === url.href
  );
  if (listed === undefined) throw new Error(`no integrity for ${url.href}`);
  return fetch(url, { integrity: listed[1], credentials: 'omit' });
}
