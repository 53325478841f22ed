/** @module Names for the answers the booth and the CLI handle, read off the endpoint table. */
import type { ResponseOf } from './endpoint.ts';
import type { Endpoints } from './endpoints.ts';

export type ElectionSummary = ResponseOf<Endpoints['summary']>;
export type EventPage = ResponseOf<Endpoints['events']>;
export type EventEnvelope = EventPage['events'][number];
export type EventLine = ResponseOf<Endpoints['event']>;
export type InclusionProof = ResponseOf<Endpoints['inclusionProof']>;
export type ConsistencyProof = ResponseOf<Endpoints['consistencyProof']>;
export type TrackerReport = ResponseOf<Endpoints['tracker']>;
export type Turnout = ResponseOf<Endpoints['turnout']>;
export type CredentialReport = ResponseOf<Endpoints['me']>;
export type Receipt = ResponseOf<Endpoints['cast']>;
export type SignInAnswer = ResponseOf<Endpoints['signIn']>;
export type Appended = ResponseOf<Endpoints['postElectionKey']>;
export type ElectionResult = ResponseOf<Endpoints['result']>;
export type ElectionList = ResponseOf<Endpoints['elections']>;
export type HourlyTurnout = ResponseOf<Endpoints['hourlyTurnout']>;
export type AuditLog = ResponseOf<Endpoints['auditLog']>;
