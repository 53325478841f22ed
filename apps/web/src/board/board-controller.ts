/**
 * @module Drives the board page: loads the summary and a page of events, then (on demand, in a
 * separate chunk) the signed checkpoints with their signatures checked here; runs the inclusion
 * and consistency checks the visitor asks for and moves focus to their outcome.
 */
import { api } from '../api.ts';
import type { Child } from '../dom.ts';
import { BOARD_PAGE_SIZE, type BoardPageState, boardPage } from '../pages/board-page.ts';
import {
  type BoardProofState,
  boardProofSections,
  initialBoardProofState,
} from './board-proof-views.ts';

/** Returns the page's render function and starts loading; `render(true)` moves focus to the h1. */
export function startBoardPage(
  electionId: string,
  render: (focus: boolean) => void
): () => Child[] {
  const state: BoardPageState = { summary: null, from: 0, page: null };
  const proofs: BoardProofState = initialBoardProofState();
  const proofModule = import('./board-proofs.ts');
  const showOutcome = (id: string): void => {
    render(false);
    document.getElementById(id)?.focus();
  };
  const load = async (from: number, focus: boolean): Promise<void> => {
    try {
      const [summary, events] = await Promise.all([
        api.summary(electionId),
        api.events(electionId, from, BOARD_PAGE_SIZE),
      ]);
      Object.assign(state, { summary, from, page: events });
    } catch {
      Object.assign(state, { summary: null, page: null });
    }
    render(focus);
  };
  const loadCheckpoints = async (): Promise<void> => {
    try {
      const checkpoints = await (await proofModule).loadCheckpoints(electionId);
      const newest = checkpoints.at(-1)?.size ?? 0;
      Object.assign(proofs, { checkpoints, to: newest, from: checkpoints[0]?.size ?? 0 });
    } catch {
      proofs.checkpoints = null;
    }
    render(false);
  };
  const actions = {
    checkInclusion: async (): Promise<void> => {
      const tracker = proofs.tracker.trim().toLowerCase();
      proofs.trackerInvalid = !/^[0-9a-f]{64}$/.test(tracker);
      proofs.inclusion = null;
      if (proofs.trackerInvalid) return showOutcome('inclusion-tracker');
      proofs.inclusion = await (
        await proofModule
      ).checkInclusion(electionId, tracker, proofs.checkpoints ?? []);
      showOutcome('inclusion-outcome');
    },
    checkConsistency: async (): Promise<void> => {
      const find = (size: number) => proofs.checkpoints?.find((c) => c.size === size);
      const from = find(proofs.from);
      const to = find(proofs.to);
      if (from === undefined || to === undefined) return;
      proofs.consistency = await (await proofModule).checkConsistency(electionId, from, to);
      showOutcome('consistency-outcome');
    },
  };
  void load(0, true).then(loadCheckpoints);
  return () => [
    ...boardPage(electionId, state, (from) => void load(from, true)),
    ...(state.summary === null
      ? []
      : boardProofSections(proofs, {
          checkInclusion: () => void actions.checkInclusion(),
          checkConsistency: () => void actions.checkConsistency(),
        })),
  ];
}
