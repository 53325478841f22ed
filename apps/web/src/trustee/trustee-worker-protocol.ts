/**
 * @module The messages between the trustee's page and its crypto worker. The worker holds nothing
 * between requests: each carries the key file the trustee opened, and the page keeps that file in
 * memory only (spec §7.9.2). What the worker returns for posting is public (signed messages).
 */
import type { AnnouncedCheckpoint, ServedRecord, TrusteeKeyFile } from '@scrutineer/protocol';
import type { EventBody, Manifest } from '@scrutineer/record';

export interface CeremonyBodies {
  readonly commitments: readonly EventBody<'trustee-commitments'>[];
  readonly shares: readonly EventBody<'trustee-shares'>[];
  readonly complaints: readonly EventBody<'trustee-complaint'>[];
}

export type TrusteeRequest =
  | {
      readonly type: 'create-key';
      readonly electionId: string;
      readonly trustee: number;
      readonly name: string;
    }
  | { readonly type: 'deal'; readonly manifest: Manifest; readonly file: TrusteeKeyFile }
  | {
      readonly type: 'check-shares';
      readonly manifest: Manifest;
      readonly file: TrusteeKeyFile;
      readonly ownShare: string;
      readonly bodies: CeremonyBodies;
    }
  | {
      readonly type: 'conclude';
      readonly manifest: Manifest;
      readonly file: TrusteeKeyFile;
      readonly ownShare: string;
      readonly bodies: CeremonyBodies;
      readonly publishedKey: string;
    }
  | {
      readonly type: 'rehearse';
      readonly manifest: Manifest;
      readonly file: TrusteeKeyFile;
      readonly electionKey: string;
    }
  | {
      readonly type: 'decrypt';
      readonly file: TrusteeKeyFile;
      readonly record: ServedRecord;
      readonly checkpoint: AnnouncedCheckpoint;
    };

export type TrusteeResult =
  | { readonly type: 'key-created'; readonly file: TrusteeKeyFile }
  | {
      readonly type: 'dealt';
      readonly ownShare: string;
      readonly commitments: EventBody<'trustee-commitments'>;
      readonly shares: EventBody<'trustee-shares'>;
    }
  | {
      readonly type: 'checked';
      /** Dealers whose share to this trustee matched their commitments (itself included). */
      readonly good: readonly number[];
      readonly complaints: readonly EventBody<'trustee-complaint'>[];
    }
  | { readonly type: 'concluded'; readonly file: TrusteeKeyFile }
  | { readonly type: 'rehearsal'; readonly body: EventBody<'rehearsal-share'> }
  | { readonly type: 'decryption'; readonly body: EventBody<'decryption-share'> }
  /** The record did not pass the checks before decrypting; nothing was decrypted. */
  | { readonly type: 'refused'; readonly code: string; readonly message: string };

export type TrusteeResponse =
  | { readonly id: number; readonly ok: true; readonly result: TrusteeResult }
  | { readonly id: number; readonly ok: false; readonly error: string };
