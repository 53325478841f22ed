/** @module Starts the trustee's page at `/trustee/<electionId>/<index>` (spec §7.9.2). */
import type { Child } from '../dom.ts';
import { TrusteePage } from './trustee-controller.ts';
import { trusteeView } from './trustee-views.ts';

/** Returns the page's renderer; the page renders itself (through `render`) as the board answers. */
export function startTrusteePage(
  electionId: string,
  index: number,
  render: (focus: boolean) => void
): () => Child[] {
  const page = new TrusteePage(electionId, index, render);
  page.start();
  return () => trusteeView(page);
}
