/**
 * @module The booth's calls to its own server (same origin only, CSP connect-src 'self'). The
 * session token is held in memory by the caller and sent as a bearer header, never in a URL.
 */
import type {
  AuditedBallot,
  Ballot,
  Checkpoint,
  Cosignature,
  Manifest,
  ReplacementReason,
} from '@scrutineer/record';
import type { ReceiptData } from './worker-protocol.ts';

export interface ElectionSummary {
  readonly electionId: string;
  readonly stage: string;
  readonly size: number;
  readonly headHash: string;
  readonly electionKey: string | null;
  readonly baseHash: string | null;
  readonly fingerprint: string | null;
  readonly credentialCount: number | null;
  /** Replacement packs so far, by reason (spec §9.5): public while voting is open. */
  readonly replacements?: {
    readonly total: number;
    readonly byReason: Readonly<Record<ReplacementReason, number>>;
  };
  readonly manifestHash: string;
  readonly boardPublicKey: string;
}

export interface CredentialReport {
  readonly status: 'active' | 'revoked';
  readonly locked: boolean;
  readonly channel: 'online' | 'postal' | null;
  readonly ballots: readonly { tracker: string; position: number; time: string }[];
}

export interface TrackerReport {
  readonly tracker: string;
  readonly kind: 'cast' | 'audited';
  readonly position: number;
  readonly time: string;
  readonly eventHash: string;
  readonly superseded: boolean;
}

export interface Turnout {
  readonly online: number;
  readonly postal: number;
  readonly total: number;
  readonly eligible: number | null;
  readonly stage: string;
}

/** A page of board events (spec §9.5 envelopes). */
export interface BoardPage {
  readonly events: readonly {
    readonly type: string;
    readonly position: number;
    readonly time: string;
    readonly body: Readonly<Record<string, unknown>>;
  }[];
  readonly next: number | null;
  readonly size: number;
}

/** The published result (spec §9.5 election-result body). */
export interface ElectionResult {
  readonly contests: readonly {
    readonly options: readonly {
      readonly online: number;
      readonly postal: number;
      readonly total: number;
    }[];
  }[];
}

/** One event as the board stores it: the exact line (spec §9.5) whose leaf hash the log holds. */
export interface EventLine {
  readonly line: string;
  readonly leafHash: string;
}

/** Spec §10.2.3: an inclusion proof as the board serves it (hex hashes). */
export interface InclusionProof {
  readonly position: number;
  readonly size: number;
  readonly root: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
}

/** Spec §10.2.4: a consistency proof as the board serves it (hex hashes). */
export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  readonly proof: readonly string[];
}

/** A refusal from the server (`{ error: { code } }`) or the network. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; token?: string } = {}
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError('network/unreachable', 0);
  }
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string } }) | null;
  if (!response.ok)
    throw new ApiError(body?.error?.code ?? 'server/internal-error', response.status);
  return body as T;
}

const base = (electionId: string): string => `/api/elections/${encodeURIComponent(electionId)}`;

export const api = {
  summary: (id: string) => call<ElectionSummary>('GET', base(id)),
  manifest: (id: string) => call<Manifest>('GET', `${base(id)}/manifest`),
  events: (id: string, from: number, limit: number) =>
    call<BoardPage>('GET', `${base(id)}/events?from=${from}&limit=${limit}`),
  challenge: (id: string) => call<{ challenge: string }>('GET', `${base(id)}/sign-in/challenge`),
  signIn: (
    id: string,
    body: {
      credential: string;
      answers: Record<string, string>;
      challenge: string;
      signature: string;
    }
  ) => call<{ token: string; credential: string }>('POST', `${base(id)}/sign-in`, { body }),
  me: (id: string, token: string, purpose?: 'pack-check') =>
    call<CredentialReport>(
      'GET',
      `${base(id)}/me${purpose === undefined ? '' : `?purpose=${purpose}`}`,
      { token }
    ),
  cast: (id: string, token: string, ballot: Ballot) =>
    call<ReceiptData>('POST', `${base(id)}/ballots`, { token, body: { ballot } }),
  audit: (id: string, token: string, audited: AuditedBallot) =>
    call<ReceiptData>('POST', `${base(id)}/audits`, { token, body: { audited } }),
  tracker: (id: string, tracker: string) =>
    call<TrackerReport>('GET', `${base(id)}/trackers/${encodeURIComponent(tracker)}`),
  event: (id: string, position: number) => call<EventLine>('GET', `${base(id)}/events/${position}`),
  checkpoints: (id: string, from: number, limit: number) =>
    call<{ checkpoints: Checkpoint[] }>(
      'GET',
      `${base(id)}/checkpoints?from=${from}&limit=${limit}`
    ),
  inclusion: (id: string, position: number) =>
    call<InclusionProof>('GET', `${base(id)}/proofs/inclusion?position=${position}`),
  consistency: (id: string, from: number, to: number) =>
    call<ConsistencyProof>('GET', `${base(id)}/proofs/consistency?from=${from}&to=${to}`),
  cosignatures: (id: string, size: number) =>
    call<{ cosignatures: Cosignature[] }>(
      'GET',
      `${base(id)}/cosignatures?from=${size}&to=${size}`
    ),
  dispute: (id: string, receipt: ReceiptData) =>
    call<{ position: number; hash: string }>('POST', `${base(id)}/disputes`, {
      body: { receipt },
    }),
  turnout: (id: string) => call<Turnout>('GET', `${base(id)}/turnout`),
  result: (id: string) => call<ElectionResult>('GET', `${base(id)}/result`),
};
