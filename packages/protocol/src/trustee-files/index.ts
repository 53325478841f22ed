/** @module A trustee's files and progress, shared by the CLI and the trustee's page (spec §7.9). */
export * from './trustee-key-file.ts';
export * from './ceremony-state.ts';
export * from './ceremony-progress.ts';
export * from './sealed-tally.ts';
export * from './conclude-share.ts';
