/**
 * @module The styled, weighted ballot that the fixtures and the booth's browser test share (spec
 * §13): a general contest, a northern seat and a chair elected by a 50/50 college of members and
 * affiliates; north votes in the general contest, the northern seat and the members' chair, south
 * in the general contest and the members' chair, affiliates in the general contest and the
 * affiliates' chair.
 */
import type { ContestSpec } from './simulate-election.ts';

export const STYLED_CONTESTS: readonly ContestSpec[] = [
  {
    id: 'general',
    title: 'General secretary',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Alex Morgan', 'Sam Patel'],
  },
  {
    id: 'north-seat',
    title: 'Northern seat',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Jo Evans', 'Ria Shah'],
  },
  {
    id: 'chair-members',
    title: 'Chair: members’ college',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Kim Lee', 'Pat Doyle'],
  },
  {
    id: 'chair-affiliates',
    title: 'Chair: affiliates’ college',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Kim Lee', 'Pat Doyle'],
  },
];

/**
 * The manifest's `styles`, `weights` and `colleges` (spec §13.1–§13.5) for STYLED_CONTESTS, in
 * that order: at least `minCategorySize` credentials a category, weights up to `maxWeight`.
 */
export function styledManifestFields(options: {
  readonly minCategorySize: number;
  readonly maxWeight: number;
}) {
  return {
    styles: {
      minCategorySize: options.minCategorySize,
      categories: [
        { id: 'north', name: 'North region', contests: ['general', 'north-seat', 'chair-members'] },
        { id: 'south', name: 'South region', contests: ['general', 'chair-members'] },
        { id: 'affiliates', name: 'Affiliates', contests: ['general', 'chair-affiliates'] },
      ],
    },
    weights: { max: options.maxWeight },
    colleges: [
      {
        id: 'chair',
        title: 'Chair',
        parts: [
          { contest: 'chair-members', share: 50 },
          { contest: 'chair-affiliates', share: 50 },
        ],
      },
    ],
  };
}
