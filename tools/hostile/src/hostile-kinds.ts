/**
 * @module Every hostile-input kind (docs/threat-model.md I1), in the order they run: ballots that
 * parse but lie, broken envelopes (a key given twice among them), then the requests around the
 * ballot.
 */
import { accessKinds } from './access-kinds.ts';
import { ballotKinds } from './ballot-kinds.ts';
import { bindingKinds } from './binding-kinds.ts';
import { duplicateKeyKind } from './duplicate-key-kind.ts';
import { envelopeKinds } from './envelope-kinds.ts';
import type { HostileFixture } from './hostile-fixture.ts';
import type { HostileKind } from './run-hostile.ts';

export function allHostileKinds(fixture: HostileFixture): HostileKind<unknown>[] {
  return [
    ...ballotKinds(fixture),
    ...bindingKinds(fixture),
    ...envelopeKinds(fixture),
    duplicateKeyKind(fixture),
    ...accessKinds(fixture),
  ];
}
