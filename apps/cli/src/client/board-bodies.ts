/** @module Picking event bodies of one type out of board events: the record package's, shared with the web console. */
export { bodiesOf, lastBodyOf } from '@scrutineer/record';
