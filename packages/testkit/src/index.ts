/**
 * @module @scrutineer/testkit (dev-only, private): what tests, tools and fixture scripts share —
 * test elections on a real server, the trustees' ceremony, ballot forgers, test databases, an
 * in-memory board and whole simulated elections. Shipped code never imports it (npm run
 * boundaries); it may reach every shipped package.
 */
export * from './api-client.ts';
export * from './ballot-forgery.ts';
export * from './child-server.ts';
export * from './count-and-publish.ts';
export * from './forge-ballot.ts';
export * from './memory-board.ts';
export * from './nth.ts';
export * from './postal-steps.ts';
export * from './published-record.ts';
export * from './replacement-request.ts';
export * from './simulate-election.ts';
export * from './styled-ballot.ts';
export * from './suite-server.ts';
export * from './test-ceremony.ts';
export * from './test-databases.ts';
export * from './test-election.ts';
export * from './trustee-decryption.ts';
export * from './result-of.ts';
export * from './simulate-ranked.ts';
export * from './ranked-test-election.ts';
