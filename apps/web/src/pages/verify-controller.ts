/**
 * @module Drives the verifier page: starts a run (board size first, for the progress bar), feeds
 * worker messages into the page state, updates progress in place, and moves focus to the progress
 * heading on start and to the outcome when done, so keyboard and screen-reader users follow.
 */
import { api } from '../api.ts';
import type { Child } from '../dom.ts';
import { startVerifier } from '../verify/verifier-client.ts';
import {
  type VerifyPageState,
  initialVerifyState,
  updateVerifyProgress,
  verifyPage,
} from './verify-page.ts';

/** Returns the page's render function; `render(false)` redraws without moving focus. */
export function startVerifyPage(
  electionId: string,
  render: (focus: boolean) => void
): () => Child[] {
  const state: VerifyPageState = initialVerifyState();
  const focus = (id: string): void => document.getElementById(id)?.focus();
  const start = async (): Promise<void> => {
    Object.assign(state, initialVerifyState(), { phase: 'running' });
    try {
      state.size = (await api.summary(electionId)).size;
    } catch {
      Object.assign(state, { phase: 'error', error: 'verify/download-failed' });
      return render(true);
    }
    render(false);
    focus('verify-running');
    // `?backend=noble` runs the pure-JavaScript reference backend, to compare (spec §2.9).
    const backend =
      new URLSearchParams(location.search).get('backend') === 'noble' ? 'noble' : undefined;
    startVerifier(
      electionId,
      (message) => {
        if (message.type === 'progress') {
          state.events = message.events;
          state.ballotsVerified = message.ballotsVerified;
          return updateVerifyProgress(state);
        }
        if (message.type === 'error') {
          Object.assign(state, { phase: 'error', error: message.code });
          return render(true);
        }
        Object.assign(state, { phase: 'done', outcome: message });
        render(false);
        focus('verify-outcome');
      },
      backend
    );
  };
  return () => verifyPage(state, () => void start());
}
