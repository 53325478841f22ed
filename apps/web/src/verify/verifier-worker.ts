/**
 * @module The in-browser verifier: runs `@scrutineer/verifier` on the published record
 * in a Web Worker, with the WebAssembly backend (libdecaf with a multi-scalar multiplication,
 * spec §2.9; noble where WebAssembly is refused, or when the page asks for it), ballot batches on a pool of workers (one per core; on this thread with one core or
 * where a worker cannot start workers), and progress posted as the board streams past.
 */
import { integrityFetch } from '../booth-worker.ts';
import { type Group, loadBrowserGroup, nobleGroup } from '@scrutineer/crypto';
import { type EventBody, type Manifest, parseBoardEvent } from '@scrutineer/record';
import { verifyRecord } from '@scrutineer/verifier';
import { webWorkerPool } from './ballot-pool.ts';
import { RecordFetchError, fetchRecordSource } from './fetch-record-source.ts';
import type { BrowserBackend, VerifyMessage, VerifyRequest } from './verifier-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage(message: VerifyMessage): void;
};

/** The setup (manifest) and result events, read as the first pass streams past. */
function parsedEvent(line: string): ReturnType<typeof parseBoardEvent> | null {
  try {
    return parseBoardEvent(JSON.parse(line));
  } catch {
    return null;
  }
}

const cores = navigator.hardwareConcurrency || 1;

async function run(request: VerifyRequest): Promise<VerifyMessage> {
  let manifest: Manifest | null = null;
  let result: EventBody<'election-result'> | null = null;
  let events = 0;
  let ballotsVerified = 0;
  let backend: BrowserBackend = 'noble';
  let lastPosted = 0;
  const post = (): void => {
    lastPosted = Date.now();
    scope.postMessage({ type: 'progress', events, ballotsVerified });
  };
  const source = fetchRecordSource(request.electionId, (line, pass) => {
    if (pass !== 0) return;
    events++;
    // Cheap test first: only the setup and result lines are parsed here.
    if (line.includes('"election-setup"') || line.includes('"election-result"')) {
      const parsed = parsedEvent(line);
      if (parsed?.ok === true && parsed.value.type === 'election-setup')
        manifest ??= parsed.value.body;
      if (parsed?.ok === true && parsed.value.type === 'election-result')
        result = parsed.value.body;
    }
    if (Date.now() - lastPosted > 100) post();
  });
  try {
    const group: Group =
      request.backend === 'noble' ? nobleGroup : await loadBrowserGroup(integrityFetch);
    backend = group.backend === 'wasm' ? 'wasm' : 'noble';
    const report = await verifyRecord(source, {
      group,
      // One core (or no nested workers): batches inline, on this thread, the default runner.
      ...(typeof Worker === 'undefined' || cores < 2
        ? {}
        : { runners: webWorkerPool(cores, backend) }),
      batchSize: 64,
      onProgress: (progress) => {
        ballotsVerified = progress.ballotsVerified;
        if (Date.now() - lastPosted > 100) post();
      },
    });
    post();
    return { type: 'done', report, manifest, result, backend };
  } catch (error) {
    return {
      type: 'error',
      code: error instanceof RecordFetchError ? 'verify/download-failed' : 'verify/crashed',
    };
  }
}

scope.onmessage = (event) => {
  void run(event.data).then((message) => scope.postMessage(message));
};
