/** @module The registrar's roll: import, eligibility, audit and commitment (spec §9.2.5). */
export * from './civil-date.ts';
export * from './uk-postcode.ts';
export * from './eligibility.ts';
export * from './member.ts';
export * from './roll.ts';
export * from './name-similarity.ts';
export * from './join-bursts.ts';
export * from './roll-audit.ts';
export * from './roll-commitment.ts';
export * from './roll-reference.ts';
export * from './roll-terms.ts';
