/**
 * @module The postal audit's routes (spec §9.8), with their request and response schemas in one
 * place: the officer posts observers' commitments and seeds, starts the audit, asks the board to
 * draw each sample (or to escalate to a full hand count), records each hand count and ends the
 * audit; anyone reads its status.
 */
import { type AuditStatus, eventBodySchemas } from '@scrutineer/record';
import { z } from 'zod';
import {
  commitAuditSeed,
  drawAuditSample,
  endPostalAudit,
  postalAuditStatus,
  recordAuditCount,
  revealAuditSeed,
  startPostalAudit,
} from '../officials/postal-audit.ts';
import type { AppContext } from './app-context.ts';
import { officerActions } from './official-routes.ts';
import { type RouteSpec, route } from './route-spec.ts';
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

export function postalAuditRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  const officerAction = officerActions(context);
  const base = '/api/elections/:electionId/postal/audit';
  return [
    officerAction({
      url: `${base}/commit`,
      summary:
        "Publish an observer's commitment to its audit seed (postal-audit-commit), before the audit starts",
      body: auditCommitBody,
      response: auditAppended(auditCommitBody),
      act: (electionId, body) => commitAuditSeed(service, electionId, body),
    }),
    officerAction({
      url: `${base}/start`,
      summary:
        'Start the audit of the postal count at a risk limit in percent (postal-audit-start): no more batches or commitments',
      body: auditStartBody,
      response: auditAppended(auditStartBody),
      act: (electionId, body) => startPostalAudit(service, electionId, body),
    }),
    officerAction({
      url: `${base}/reveal`,
      summary: "Publish an observer's seed (postal-audit-reveal); it must open its commitment",
      body: auditRevealBody,
      response: auditAppended(auditRevealBody),
      act: (electionId, body) => revealAuditSeed(service, electionId, body),
    }),
    officerAction({
      url: `${base}/sample`,
      summary:
        'The board draws the next round of the sample from the public seed (postal-audit-sample); full: true escalates to a full hand count',
      body: auditSampleBody,
      response: auditSampleResponse,
      act: (electionId, body) => drawAuditSample(service, electionId, body.full === true),
    }),
    officerAction({
      url: `${base}/count`,
      summary: 'Record the hand count of a sampled batch (postal-audit-count)',
      body: auditCountBody,
      response: auditAppended(auditCountBody),
      act: (electionId, body) => recordAuditCount(service, electionId, body),
    }),
    officerAction({
      url: `${base}/end`,
      summary:
        'End the audit (postal-audit-end): the board states the outcome the counts give, or refuses while the risk is above the limit',
      response: auditEndResponse,
      act: (electionId) => endPostalAudit(service, electionId),
    }),
    route({
      method: 'GET',
      url: base,
      summary: "The postal audit's status: phase, rounds, batches still to count, measured risk",
      audience: 'public',
      params: electionParams,
      response: auditStatusResponse,
      handler: async ({ params }) => postalAuditStatus(service, params.electionId),
    }),
  ];
}
