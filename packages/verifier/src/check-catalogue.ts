/**
 * @module The numbered checks of docs/spec/verification.md. The ids never change meaning; the
 * titles are the spec's words, shortened.
 */

export const CHECKS = {
  'V1.1': 'format.json names scrutineer-record version 1',
  'V1.2': 'the first event is the setup with a valid manifest',
  'V1.3': 'nominations file matches its hash and the qualified candidates',
  'V1.10': 'the booth digests the manifest names are well-formed, mirrors distinct https origins',
  'V2.1': 'every line is canonical JSON and a well-formed event',
  'V2.2': 'positions are consecutive from 0',
  'V2.3': 'each event chains to the hash of the one before',
  'V2.4': 'times never decrease',
  'V2.5': 'events come in the order of the phases, on the channels the manifest offers',
  'V2.6': 'checkpoints are signed by the board key',
  'V2.7': 'checkpoint roots are the Merkle roots of the log prefixes',
  'V2.8': 'a cancellation states its reason and is the last event of the record',
  'V2.9': 'co-signatures are by witnesses the manifest names, once per size, and verify',
  'V2.10': 'co-signed checkpoints are the record’s: no two of one size differ',
  'V3.1':
    'trustee commitments: listed trustee, signed; a bad, missing or second one is its dealer’s fault',
  'V3.2':
    'trustee shares: listed trustee, signed; a missing, malformed or second one is its dealer’s fault',
  'V3.3': 'complaints are signed, name a published share, prove it; verdicts are recomputed',
  'V3.4': 'the qualified set is the §7.6 conclusion (dealers not at fault), at least k',
  'V3.5': 'the election key is the sum of the qualified constant terms',
  'V3.6': 'trustee verification keys are recomputed from the commitments',
  'V3.7':
    'decryption rehearsal shares: listed trustee, signed, once each, proof verifies against its verification key',
  'V4.1': 'credential keys are valid non-identity points',
  'V4.2': 'no credential key appears twice',
  'V4.3': 'credential count equals keys published and roll count; list hash recomputed',
  'V4.4': 'the base hash is recomputed',
  'V4.5':
    "replacements are allowed by the manifest (limit, cutoff), approved by the registrar's key, and revoke an active, unused credential for a new one",
  'V5.1': 'ballots name this election and have the manifest shape',
  'V5.2': 'ballot credentials were active when cast',
  'V5.3': 'trackers are recomputed from the ciphertexts',
  'V5.4': 'ballot signatures verify',
  'V5.5': 'selection ciphertexts are valid and their 0/1 proofs verify',
  'V5.6': 'contest total proofs verify',
  'V5.7': 'no ciphertext or tracker appears in two ballots',
  'V5.8': 'ballots were cast while the election was open, within the window',
  'V5.9': 'the ballot policy holds',
  'V5.10': 'audited ballots open to their published votes',
  'V5.11': 'every disputed receipt is the board’s, and its ballot is on the log where it says',
  'V6.1': 'postal credentials are active and received once',
  'V6.2': 'no credential voted both online and by post; refusals are justified',
  'V6.3': 'postal batch counts respect the contest limits',
  'V6.4': 'postal papers add up to the postal credentials received',
  'V6.5': 'return commitments are published with the credentials; each return opens its own',
  'V6.6':
    'postal audit: observers committed their seeds before the start and revealed them to match',
  'V6.7':
    'postal audit: every sample is the one the seed draws; only sampled batches are hand counted, once',
  'V6.8':
    'postal audit: the measured risk and outcome are recomputed; it ends only at the risk limit or after a full hand count, before the tally',
  'V7.1': 'the tally counts the counted ballots',
  'V7.2': 'the aggregate ciphertexts are recomputed',
  'V8.1':
    'decryption shares: qualified trustee, signed, bound to a record checkpoint that seals the tally; a second or incomplete batch is set aside',
  'V8.2':
    'decryption share proofs verify (with the checkpoint they bind); a failing batch is set aside as its trustee’s fault',
  'V8.3': 'at least k valid batches combine to counts within range',
  'V9.1': 'online counts equal the decrypted aggregate',
  'V9.2': 'postal counts equal the sum of postal batches',
  'V9.3': 'totals equal online + postal, one per candidate',
  'V10.1': 'ranked ballots have n + 1 ciphertexts and their well-formedness proofs verify',
  'V10.2': 'each mixer took its predecessor’s output and its shuffle proof verifies',
  'V10.3': 'ranked decryption shares verify; a bad one is attributed to its trustee',
  'V10.4':
    'each round decrypts exactly the positions up to STOP, with k valid trustees, to values in 0 … n',
  'V10.5': 'the published rankings equal the combined decryptions',
  'V10.6':
    'each mix is signed, over the whole step, by the key the manifest lists for its mix server',
  'V10.7':
    'postal papers of a ranked contest: one well-formed ranking per valid paper, each batch counted once',
  'V11.1':
    'a ranked result names its contest, the contest’s method, rule set and places, and the seed fixed before the count',
  'V11.2':
    'the published sheet equals the count re-run from the decrypted rankings and the postal papers’ rankings',
  'V12.1':
    'credentials carry a ballot style of the manifest and a weight within its maximum, exactly when the manifest has styles and weights',
  'V12.2': 'no ballot-style category holds fewer credentials than the manifest’s minimum',
  'V12.3': 'every ballot covers exactly the contests of its credential’s style',
  'V12.4': 'the tally’s per-contest ballots and weights are recomputed from the counted ballots',
  'V12.5':
    'every postal batch and hand count holds the papers of one ballot style, with no mark outside it',
  'V12.6': 'the postal papers of each ballot style are no more than the returns of that style',
  'V12.7':
    'every postal batch and hand count carries one weight exactly when the manifest has weights, and the papers of each style and weight are no more than the returns of that style and weight',
} as const;

export type CheckId = keyof typeof CHECKS;

/** Spec §11.9, verification.md V10: the mix-net checks of ranked contests. */
export const RANKED_CHECK_IDS = ['V10.1', 'V10.2', 'V10.3', 'V10.4', 'V10.5'] as const;
/** Verification.md V11: the count of a ranked contest. */
export const RANKED_COUNT_CHECKS = { 'V11.1': CHECKS['V11.1'], 'V11.2': CHECKS['V11.2'] } as const;

export type RankedCountCheckId = keyof typeof RANKED_COUNT_CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

/**
 * Spec verification.md "Reached": the stage from which each check applies. A record at that stage or
 * later reports the check (passed with 0 items if there was nothing to check); before it, the check
 * is not reached. V1.3 applies only when the manifest names nominations, V1.10 only when it names a
 * booth.
 */
export const CHECK_STAGE: Readonly<
  Record<CheckId, 'empty' | 'setup' | 'keyed' | 'open' | 'tallied' | 'decrypted' | 'final'>
> = Object.fromEntries(
  CHECK_IDS.map((id) => {
    const group = Number(id.slice(1, id.indexOf('.')));
    const stage =
      id === 'V1.3' || id === 'V1.10'
        ? 'setup'
        : group <= 2
          ? 'empty'
          : group === 3
            ? 'keyed'
            : id === 'V6.4' ||
                id === 'V6.8' ||
                group === 7 ||
                id === 'V8.1' ||
                id === 'V12.4' ||
                id === 'V12.6' ||
                id === 'V12.7'
              ? 'tallied'
              : group === 8 || (group === 10 && id !== 'V10.1' && id !== 'V10.7')
                ? 'decrypted'
                : group === 9 || group === 11
                  ? 'final'
                  : 'open';
    return [id, stage];
  })
) as Record<CheckId, 'empty' | 'setup' | 'keyed' | 'open' | 'tallied' | 'decrypted' | 'final'>;
