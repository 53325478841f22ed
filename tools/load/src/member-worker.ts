/**
 * @module The body of one member-preparation thread (member-workers.ts). For a range of members
 * it derives what the registrar and the booth would: a voting code and its credential key
 * (`makeVoter`, as `createTestElection` does) and the Argon2id hash of the answers; once the
 * election is open, each member's encrypted, signed ballot as the `{"ballot": …}` request body.
 */
import { loadFastestGroup } from '@scrutineer/crypto';
import { honestBallot, TEST_ARGON2, makeVoter } from '@scrutineer/testkit';
import type { EncryptionSetup } from '@scrutineer/protocol';
import { prepareBallotContext } from '@scrutineer/verifier';
import { serveRequests } from '@scrutineer/worker-pool';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import type { MemberReply, MemberRequest } from './member-workers.ts';

const QUESTIONS = ['dob', 'postcode'];

const group = await loadFastestGroup();
let setup: EncryptionSetup | undefined;

async function answer(request: MemberRequest): Promise<MemberReply> {
  switch (request.kind) {
    case 'key': {
      const voters = Array.from({ length: request.count }, (_, i) =>
        makeVoter(group, request.electionId, request.from + i)
      );
      const answersHashes: string[] = [];
      for (const voter of voters)
        answersHashes.push(await hashSecurityAnswers(QUESTIONS, voter.answers, TEST_ARGON2));
      return { voters, answersHashes };
    }
    case 'open':
      setup = prepareBallotContext(group, request);
      return {};
    case 'encrypt': {
      const opened = setup;
      if (opened === undefined) throw new Error('encrypt before the election was opened');
      const bodies = request.voters.map((voter, i) =>
        JSON.stringify({ ballot: honestBallot(opened, voter, request.choices[i]).ballot })
      );
      return { bodies };
    }
  }
}

serveRequests(answer);
