/**
 * @module The page's side of the verifier worker: starts a fresh worker for one run (so "verify
 * again" starts clean) and passes its messages on; a worker that fails to load counts as a crash.
 */
import type { BrowserBackend, VerifyMessage, VerifyRequest } from './verifier-protocol.ts';

export function startVerifier(
  electionId: string,
  onMessage: (message: VerifyMessage) => void,
  backend?: BrowserBackend
): void {
  const worker = new Worker(new URL('./verifier-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<VerifyMessage>) => {
    if (event.data.type !== 'progress') worker.terminate();
    onMessage(event.data);
  };
  worker.onerror = () => {
    worker.terminate();
    onMessage({ type: 'error', code: 'verify/crashed' });
  };
  const request: VerifyRequest = backend === undefined ? { electionId } : { electionId, backend };
  worker.postMessage(request);
}
