/** @module Postal votes as officers enter them (spec §9.5.3): scanned envelopes, keyed batches. */
export * from './csv-text.ts';
export * from './keyed-entries.ts';
export * from './ranked-boxes.ts';
export * from './scanner-rows.ts';
export * from './envelope-upload.ts';
export * from './hand-count.ts';
export * from './audit-steps.ts';
