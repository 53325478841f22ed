/**
 * @module The body of one member-preparation thread (member-workers.ts). For a range of members
 * it derives what the registrar and the booth would: a voting code and its credential key
 * (`makeVoter`, as `createTestElection` does) and the Argon2id hash of the answers; once the
 * election is open, each member's encrypted, signed ballot as the `{"ballot": …}` request body.
 */
import { parentPort } from 'node:worker_threads';
import { hexToBytes, loadFastestGroup } from '@scrutineer/crypto';
import type { EncryptionSetup } from '@scrutineer/protocol';
import { honestBallot } from '../test-support/ballot-forgery.ts';
import { TEST_ARGON2, makeVoter } from '../test-support/test-election.ts';
import { answersHasher } from './fast-answers-hash.ts';
import type { MemberReply, MemberRequest } from './member-workers.ts';

const QUESTIONS = ['dob', 'postcode'];

const group = await loadFastestGroup();
const hashAnswers = await answersHasher(TEST_ARGON2);
let setup: EncryptionSetup | undefined;

async function answer(request: MemberRequest): Promise<MemberReply> {
  switch (request.kind) {
    case 'key': {
      const voters = Array.from({ length: request.count }, (_, i) =>
        makeVoter(group, request.electionId, request.from + i)
      );
      const answersHashes: string[] = [];
      for (const voter of voters) answersHashes.push(await hashAnswers(QUESTIONS, voter.answers));
      return { job: request.job, voters, answersHashes };
    }
    case 'open':
      setup = {
        group,
        manifest: request.manifest,
        electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(request.electionKeyHex))),
        baseHash: hexToBytes(request.baseHashHex),
      };
      return { job: request.job };
    case 'encrypt': {
      const opened = setup;
      if (opened === undefined) throw new Error('encrypt before the election was opened');
      const bodies = request.voters.map((voter, i) =>
        JSON.stringify({ ballot: honestBallot(opened, voter, request.choices[i]).ballot })
      );
      return { job: request.job, bodies };
    }
  }
}

parentPort?.on('message', (request: MemberRequest) => {
  answer(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({
        job: request.job,
        error: (error as Error).stack ?? String(error),
      } satisfies MemberReply)
  );
});
parentPort?.postMessage({ job: -1 } satisfies MemberReply);
