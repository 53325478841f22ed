/**
 * @module The postal audit's routes (spec §9.8): the server's side of the contract's
 * postal-audit endpoints.
 */
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
import { type RouteSpec, implement } from './route-spec.ts';

export function postalAuditRoutes(context: AppContext): RouteSpec[] {
  const { service } = context;
  return [
    implement('postalAuditCommit', ({ params, body }) =>
      commitAuditSeed(service, params.electionId, body)
    ),
    implement('postalAuditStart', ({ params, body }) =>
      startPostalAudit(service, params.electionId, body)
    ),
    implement('postalAuditReveal', ({ params, body }) =>
      revealAuditSeed(service, params.electionId, body)
    ),
    implement('postalAuditSample', ({ params, body }) =>
      drawAuditSample(service, params.electionId, body.full === true)
    ),
    implement('postalAuditCount', ({ params, body }) =>
      recordAuditCount(service, params.electionId, body)
    ),
    implement('postalAuditEnd', ({ params }) => endPostalAudit(service, params.electionId)),
    implement('postalAuditStatus', ({ params }) => postalAuditStatus(service, params.electionId)),
  ];
}
