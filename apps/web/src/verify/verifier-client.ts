/**
 * @module The page's side of the verifier worker: starts a fresh worker for one run (so "verify
 * again" starts clean) and passes its messages on; a worker that fails to load counts as a crash.
 */
import verifierWorkerUrl from './verifier-worker.ts?worker&url';
import { startBoothWorker } from '../booth-worker.ts';
import type { BrowserBackend, VerifyMessage, VerifyRequest } from './verifier-protocol.ts';

export function startVerifier(
  electionId: string,
  onMessage: (message: VerifyMessage) => void,
  backend?: BrowserBackend
): void {
  const worker = startBoothWorker(verifierWorkerUrl);
  worker.onmessage = (event: MessageEvent) => {
    const message = event.data as VerifyMessage;
    if (message.type !== 'progress') worker.terminate();
    onMessage(message);
  };
  worker.onerror = () => {
    worker.terminate();
    onMessage({ type: 'error', code: 'verify/crashed' });
  };
  const request: VerifyRequest = backend === undefined ? { electionId } : { electionId, backend };
  worker.postMessage(request);
}
