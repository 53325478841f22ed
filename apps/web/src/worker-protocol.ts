/**
 * @module The messages between the page and the crypto worker. Everything secret — the voting
 * code, the credential secret key and the ballot randomness — lives in the worker; the page sees
 * the randomness only when the voter chooses to check the device (Benaloh, spec §9.4).
 */
import type { Receipt } from '@scrutineer/api-contract';
import type { AuditedBallot, Ballot, Manifest } from '@scrutineer/record';

/** The public receipt of spec §10.4, as the board returns it. */
export type ReceiptData = Receipt;

export type WorkerRequest =
  | {
      readonly type: 'sign-in';
      readonly id: number;
      readonly electionId: string;
      readonly code: string;
      readonly manifestHash: string;
      readonly challenge: string;
      /** Signed with the challenge (spec §10.5), exactly as the sign-in request sends them. */
      readonly answers: Readonly<Record<string, string>>;
    }
  | {
      readonly type: 'encrypt';
      readonly id: number;
      readonly manifest: Manifest;
      readonly electionKey: string;
      readonly baseHash: string;
      /** Per contest, 0-based candidates: chosen ones, or for a ranked contest the ranking in order. */
      readonly choices: readonly (readonly number[])[];
      /** Spec §13.2: the manifest indexes of the member's ballot style (absent: every contest). */
      readonly style?: readonly number[];
    }
  | {
      /**
       * Spec §11.2: builds ahead of the voter's ranking what every ranked ballot reuses (the
       * tables of G, K, H₀ and the public vector), so the first ranked ballot is only its own work.
       */
      readonly type: 'prepare-ranked';
      readonly id: number;
      readonly electionKey: string;
      readonly baseHash: string;
      /** The candidate count of each ranked contest on the member's ballot. */
      readonly candidates: readonly number[];
    }
  | { readonly type: 'open'; readonly id: number }
  | {
      readonly type: 'verify-receipt';
      readonly id: number;
      readonly manifestHash: string;
      readonly boardPublicKey: string;
      readonly receipt: ReceiptData;
    }
  | { readonly type: 'forget'; readonly id: number };

export type WorkerResult =
  | { readonly type: 'signed-in'; readonly credential: string; readonly signature: string }
  | {
      readonly type: 'encrypted';
      readonly ballot: Ballot;
      readonly tracker: string;
      /** Time in encryptBallot, and in building the election key's table (0 once built). */
      readonly milliseconds: number;
      readonly preparationMilliseconds: number;
    }
  | { readonly type: 'prepared'; readonly milliseconds: number }
  | { readonly type: 'opened'; readonly audited: AuditedBallot }
  | { readonly type: 'receipt-checked'; readonly valid: boolean }
  | { readonly type: 'forgotten' };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: WorkerResult }
  | { readonly id: number; readonly ok: false; readonly error: string };
