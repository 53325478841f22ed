/** @module Credentials and ballot packs (spec §6): codes, keys, pack ids, answers, print rows. */
export * from './pack-id.ts';
export * from './security-answers.ts';
export * from './answers-hash.ts';
export * from './pack-credentials.ts';
export * from './return-secret.ts';
export * from './replacement-request.ts';
