/** @module @scrutineer/protocol: what the parties of an election do (spec §1.2). */
export * from './encrypt-ballot.ts';
export * from './trustee.ts';
export * from './rehearsal.ts';
export * from './officer.ts';
export * from './officer-key.ts';
export * from './complete-ceremony.ts';
export * from './roll/index.ts';
export * from './nominations/index.ts';
export * from './packs/index.ts';
export * from './ranked/index.ts';
export * from './trustee-files/index.ts';
export * from './resolve-choices.ts';
export * from './postal/index.ts';
