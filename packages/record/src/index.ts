/**
 * @module @scrutineer/record: the election record, the public contract between every party and
 * every verifier (docs/spec §9–§10). Depends only on @scrutineer/crypto.
 */
export * from './result.ts';
export * from './canonical-json.ts';
export * from './hex.ts';
export * from './merkle-log.ts';
export * from './merkle-inclusion.ts';
export * from './merkle-consistency.ts';
export * from './merkle-tree.ts';
export * from './instant.ts';
export * from './text.ts';
export * from './manifest.ts';
export * from './ballot.ts';
export * from './ballot-styles.ts';
export * from './colleges.ts';
export * from './board-event.ts';
export * from './ranked-result.ts';
export * from './board-bodies.ts';
export * from './setup-hashes.ts';
export * from './signed-statements.ts';
export * from './credential-replacement.ts';
export * from './ceremony-wire.ts';
export * from './ceremony-checks.ts';
export * from './rehearsal.ts';
export * from './stages.ts';
export * from './record-bundle.ts';
export * from './nominations-file.ts';
export * from './postal-return.ts';
export * from './postal-styles.ts';
export * from './postal-weights.ts';
export * from './postal-audit/audit-arithmetic.ts';
export * from './postal-audit/audit-seed.ts';
export * from './postal-audit/audit-replay.ts';
export * from './declaration.ts';
export * from './witness.ts';
export * from './receipt-confirmation.ts';
export * from './ranked-events.ts';
export * from './mix-signature.ts';
export * from './postal-rankings.ts';
export * from './booth-digest.ts';
export * from './booth-crawl.ts';
