/** @module Ranked contests: the mix cascade and per-ballot decryption (spec §11). */
export * from './mix-cascade.ts';
export * from './ranked-decryption.ts';
export * from './ranked-phase.ts';
export * from './staged-step.ts';
