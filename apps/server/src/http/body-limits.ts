/**
 * @module Request body limits by audience, from what the record's schemas allow rather than a
 * round number (docs/threat-model.md A21). A ballot's size is fixed by its manifest: per contest, one
 * selection per candidate (a 64-byte ciphertext and a two-branch range proof, spec §5.3) and a
 * total proof of at most candidates + 1 branches. The voter limit is the ballot of the largest
 * manifest the schema accepts (20 contests of 50 candidates: ~0.9 MiB; a flat 64 KiB refused two
 * 50-candidate contests), read only once the caller's session is checked; officials' bodies are
 * read only after their key (route-spec.ts `authorize`). A ballot of the wrong shape for its
 * election is then refused by name (`ballot/malformed`), not by size.
 */
/** The manifest schema's bounds (packages/record manifest.ts). */
const MAX_CONTESTS = 20;
const MAX_CANDIDATES = 50;
const MAX_ELECTION_ID = 64;

/** Hex characters of a range proof branch (128 bytes, spec §5.3). */
const BRANCH_HEX = 256;

/** What the size depends on: a contest's candidates (a manifest's contests have this shape). */
interface ContestShape {
  readonly candidates: readonly unknown[];
}

/**
 * The bytes of the largest cast body (`{"ballot": …}`) a ballot of these contests can take, as
 * compact JSON, plus 1 KiB of slack for white space a client may add.
 */
export function ballotBodyBytes(contests: readonly ContestShape[]): number {
  const hex = (chars: number): string => '0'.repeat(chars);
  const ballot = {
    election: 'e'.repeat(MAX_ELECTION_ID),
    credential: hex(64),
    contests: contests.map((contest) => ({
      selections: contest.candidates.map(() => ({
        ciphertext: hex(128),
        proof: hex(2 * BRANCH_HEX),
      })),
      totalProof: hex((contest.candidates.length + 1) * BRANCH_HEX),
    })),
    signature: hex(128),
  };
  return JSON.stringify({ ballot }).length + 1024;
}

/** Every cast and audit body: the ballot of the largest manifest the schema allows. */
export const VOTER_BALLOT_BODY_LIMIT = ballotBodyBytes(
  Array.from({ length: MAX_CONTESTS }, () => ({
    candidates: Array.from({ length: MAX_CANDIDATES }),
  }))
);

/** Sign-in and the other small voter requests. */
export const VOTER_SMALL_BODY_LIMIT = 16 * 1024;

/**
 * Trustee messages: a decryption share for every ciphertext of the largest election (~1000
 * shares with their proofs, ~0.3 MiB) or a dealing for 100 trustees; read before the signature
 * that authenticates it can be checked, so kept to what the largest message needs.
 */
export const TRUSTEE_BODY_LIMIT = 2 * 1024 * 1024;

/** Officers' and the operator's bodies (credential batches of 10,000), read only after their key. */
export const OFFICIAL_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The default limit of one request on the ranked routes (spec §11.8), read only after the
 * officer's key: a whole step (a mix of 100,000 rows at 5 candidates is ~80 MB of hex with its
 * proof), or one staged part of a larger step. `scrutineer serve` sets it from
 * SCRUTINEER_RANKED_REQUEST_LIMIT (ranked-staging.ts holds the staging's own limits).
 */
export const RANKED_BODY_LIMIT = 128 * 1024 * 1024;

/**
 * A mix server's own mix or staged part (spec §11.8 "Posted by its mix server"): read before the
 * signature that authenticates it can be checked, so kept well below the officer's ranked limit
 * (never above it); a larger mix is staged in parts of this size (about 20,000 five-candidate rows
 * a part). A commit or a discard is small and has the public limit.
 */
export const MIXER_BODY_LIMIT = 16 * 1024 * 1024;
