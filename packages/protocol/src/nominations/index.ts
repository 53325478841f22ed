/** @module Nominations (spec §9.2.6): nominators, nominations, threshold and outcome. */
export * from './nominators.ts';
export * from './nomination-state.ts';
export * from './nominations-outcome.ts';
