/**
 * @module The console's entry from the app's router: `/console` (sign in or create) and
 * `/console/<election>` (the dashboard, once this tab holds the officer's key).
 */
import type { Child } from '../dom.ts';
import { ConsoleController } from './console-controller.ts';
import { dashboardPage, signInPage } from './console-views.ts';

export const CONSOLE_PATH = /^\/console(?:\/([a-z0-9][a-z0-9-]{2,63}))?\/?$/;

/** Starts the console for `pathname`; returns what the shell renders on each redraw. */
export function startConsolePage(
  pathname: string,
  redraw: (focus: boolean) => void
): () => Child[] {
  const electionId = CONSOLE_PATH.exec(pathname)?.[1] ?? null;
  const controller = new ConsoleController(electionId, redraw);
  void controller.start();
  return () =>
    controller.state.officer === null ? signInPage(controller) : dashboardPage(controller);
}
