/**
 * @module The postal audit's endpoints (spec §9.8): the officer posts observers' commitments and
 * seeds, starts the audit, asks the board to draw each sample (or to escalate to a full hand
 * count), records each hand count and ends the audit; anyone reads its status.
 */
import { type AuditStatus, eventBodySchemas } from '@scrutineer/record';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { officerAction } from './official-endpoints.ts';
import { electionParams } from './schemas.ts';

const auditAppended = <T extends z.ZodType>(body: T) =>
  z.strictObject({ position: z.number().int(), hash: z.string(), body });

export const auditCommitBody = eventBodySchemas['postal-audit-commit'];
export const auditStartBody = eventBodySchemas['postal-audit-start'];
export const auditRevealBody = eventBodySchemas['postal-audit-reveal'];
export const auditSampleBody = z.strictObject({ full: z.boolean().optional() });
export const auditCountBody = eventBodySchemas['postal-audit-count'];
export const auditSampleResponse = auditAppended(eventBodySchemas['postal-audit-sample']);
export const auditEndResponse = auditAppended(eventBodySchemas['postal-audit-end']);
export const auditStatusResponse: z.ZodType<AuditStatus> = z.strictObject({
  phase: z.enum(['none', 'committing', 'revealing', 'sampling', 'ended']),
  riskLimit: z.number().int().nullable(),
  observers: z.array(z.strictObject({ observer: z.string(), revealed: z.boolean() })),
  batches: z.number().int(),
  rounds: z.number().int(),
  draws: z.number().int(),
  full: z.boolean(),
  pending: z.array(z.string()),
  counted: z.number().int(),
  riskPpm: z.number().int().nullable(),
  outcome: z.enum(['confirmed', 'hand-counted']).nullable(),
});

const base = '/api/elections/:electionId/postal/audit';
const refusals = [
  'election/wrong-stage',
  'election/channel-not-offered',
  'postal-audit/refused',
  'postal-audit/no-commitment',
  'postal-audit/seeds-unrevealed',
  'postal-audit/seed-mismatch',
  'postal-audit/sample-uncounted',
  'postal-audit/risk-limit-met',
  'postal-audit/risk-above-limit',
] as const;

export const postalAuditEndpoints = {
  postalAuditCommit: endpoint({
    ...officerAction,
    path: `${base}/commit`,
    summary:
      "Publish an observer's commitment to its audit seed (postal-audit-commit), before the audit starts",
    body: auditCommitBody,
    response: auditAppended(auditCommitBody),
    errors: [...refusals],
  }),
  postalAuditStart: endpoint({
    ...officerAction,
    path: `${base}/start`,
    summary:
      'Start the audit of the postal count at a risk limit in percent (postal-audit-start): no more batches or commitments',
    body: auditStartBody,
    response: auditAppended(auditStartBody),
    errors: [...refusals],
  }),
  postalAuditReveal: endpoint({
    ...officerAction,
    path: `${base}/reveal`,
    summary: "Publish an observer's seed (postal-audit-reveal); it must open its commitment",
    body: auditRevealBody,
    response: auditAppended(auditRevealBody),
    errors: [...refusals],
  }),
  postalAuditSample: endpoint({
    ...officerAction,
    path: `${base}/sample`,
    summary:
      'The board draws the next round of the sample from the public seed (postal-audit-sample); full: true escalates to a full hand count',
    body: auditSampleBody,
    response: auditSampleResponse,
    errors: [...refusals],
  }),
  postalAuditCount: endpoint({
    ...officerAction,
    path: `${base}/count`,
    summary: 'Record the hand count of a sampled batch (postal-audit-count)',
    body: auditCountBody,
    response: auditAppended(auditCountBody),
    // Spec §13.2.1: a hand count marking a contest outside its batch's style.
    errors: [...refusals, 'postal/contest-not-in-style'],
  }),
  postalAuditEnd: endpoint({
    ...officerAction,
    path: `${base}/end`,
    summary:
      'End the audit (postal-audit-end): the board states the outcome the counts give, or refuses while the risk is above the limit',
    response: auditEndResponse,
    errors: [...refusals],
  }),
  postalAuditStatus: endpoint({
    method: 'GET',
    path: base,
    summary: "The postal audit's status: phase, rounds, batches still to count, measured risk",
    audience: 'public',
    params: electionParams,
    response: auditStatusResponse,
    errors: ['election/not-found'],
  }),
} as const;
