/**
 * @module Whether the board accepts votes now (V5.8): the `election-open` event is on the board,
 * `election-close` is not, and the board time lies in the manifest's window [opens, closes).
 * The board's clock rules, never the voter's (docs/threat-model.md A20). Only on an election whose
 * manifest offers the online channel (spec §9.2).
 */
import type { Manifest } from '@scrutineer/record';
import { nextBoardTime } from '../board/board-clock.ts';
import type { BoardHead } from '../board/board-head.ts';
import { ServiceError } from '../http-errors.ts';

export function assertVotingOpen(head: BoardHead, manifest: Manifest, now: Date): void {
  // Spec §9.2: no ballot (cast or audited) on an election that offers no online channel (V2.5).
  if (!manifest.channels.online)
    throw new ServiceError('election/channel-not-offered', 'this election has no online channel');
  if (head.stage === 'empty' || head.stage === 'setup' || head.stage === 'keyed')
    throw new ServiceError('election/not-open');
  if (head.stage !== 'open') throw new ServiceError('election/closed');
  const time = nextBoardTime(now, head.lastTime);
  if (time < manifest.window.opens)
    throw new ServiceError('election/not-open', `Voting opens at ${manifest.window.opens}.`);
  if (time >= manifest.window.closes)
    throw new ServiceError('election/closed', `Voting closed at ${manifest.window.closes}.`);
}
