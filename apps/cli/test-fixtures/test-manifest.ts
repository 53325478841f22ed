/**
 * @module Manifests for the CLI's tests: the draft an officer writes (spec §9.2: one `leader`
 * contest of the candidates named, a voting window, both channels, first ballot final) and, for
 * tests that need a whole manifest but no ceremony, that draft completed with one placeholder
 * trustee, board key and roll (parseManifest checks their shape, not that they are points).
 */
import assert from 'node:assert/strict';
import { type Manifest, parseManifest } from '@scrutineer/record';

export interface TestDraftOptions {
  readonly electionId: string;
  readonly title?: string;
  /** Candidate names, in ballot order; their ids are the names in kebab case. */
  readonly candidates: readonly string[];
  readonly maxSelections?: number;
  readonly window?: { readonly opens: string; readonly closes: string };
}

/** The officer's draft: everything but the trustees, board key, roll and security questions. */
export function testDraft(options: TestDraftOptions) {
  return {
    format: 'scrutineer/v1',
    electionId: options.electionId,
    title: options.title ?? 'Test',
    organisation: 'Example Party',
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: options.maxSelections ?? 1,
        candidates: options.candidates.map((name) => ({
          id: name.toLowerCase().replace(/ /g, '-'),
          name,
        })),
      },
    ],
    window: options.window ?? { opens: '2025-09-01T09:00:00Z', closes: '2025-09-30T17:00:00Z' },
    channels: { online: true, postal: true },
    policy: 'first-ballot-final',
  };
}

/** The draft as a parsed manifest, with placeholder keys and a roll of 3. */
export function testManifest(options: TestDraftOptions): Manifest {
  const parsed = parseManifest({
    ...testDraft(options),
    trustees: {
      threshold: 1,
      members: [{ index: 1, name: 'T', publicKey: '11'.repeat(32), keyProof: '22'.repeat(64) }],
    },
    board: { publicKey: '33'.repeat(32) },
    roll: { count: 3, root: '00'.repeat(32) },
    securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
  });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.value;
}
