/**
 * @module English titles of the verifier's numbered checks (docs/spec/verification.md), shown by
 * the in-browser verifier. The ids are the verifier's `CHECK_IDS`; a unit test keeps them in step.
 */
export const checksEn = {
  'check.V1.1': 'format.json names scrutineer-record version 1',
  'check.V1.2': 'the first event is the setup with a valid manifest',
  'check.V1.3': 'the nominations file matches its hash and the qualified candidates',
  'check.V1.10': 'the booth digests in the manifest are well-formed',
  'check.V2.1': 'every line is canonical JSON and a well-formed event',
  'check.V2.2': 'positions are consecutive from 0',
  'check.V2.3': 'each event chains to the hash of the one before',
  'check.V2.4': 'times never go backwards',
  'check.V2.5': 'events come in the order of the phases, on the channels the election offers',
  'check.V2.6': 'checkpoints are signed by the board key',
  'check.V2.7': 'checkpoint roots are the Merkle roots of the log so far',
  'check.V2.8': 'a cancellation gives its reason and nothing comes after it',
  'check.V2.9': 'co-signatures are by witnesses the manifest names, once per size, and verify',
  'check.V2.10': 'co-signed checkpoints are the record’s: no two of one size differ',
  'check.V3.1':
    'trustee commitments: a listed trustee, signed; a bad or repeated one is that trustee’s fault',
  'check.V3.2':
    'trustee shares: a listed trustee, signed; a missing or repeated share is that trustee’s fault',
  'check.V3.3': 'complaints are signed, name a published share, prove it, and are judged again',
  'check.V3.4': 'the qualified trustees are those not at fault, and enough of them',
  'check.V3.5': 'the election key is the sum of the qualified trustees’ constant terms',
  'check.V3.6': 'trustee verification keys are recomputed from the commitments',
  'check.V3.7': 'trustees’ decryption rehearsal shares are signed and their proofs verify',
  'check.V4.1': 'credential keys are valid points',
  'check.V4.2': 'no credential key appears twice',
  'check.V4.3': 'the credential count and list hash are recomputed',
  'check.V4.4': 'the election’s base hash is recomputed',
  'check.V4.5':
    "each replacement pack is approved by the registrar's key, within the manifest's limit and before its cutoff, and revokes an active, unused credential for a new one",
  'check.V5.1': 'ballots name this election and have the ballot’s shape',
  'check.V5.2': 'ballots were cast with credentials active at the time',
  'check.V5.3': 'trackers are recomputed from the encrypted votes',
  'check.V5.4': 'ballot signatures verify',
  'check.V5.5': 'every encrypted vote is valid and proven to be 0 or 1',
  'check.V5.6': 'each contest’s total proof verifies',
  'check.V5.7': 'no encrypted vote or tracker appears in two ballots',
  'check.V5.8': 'ballots were cast while voting was open',
  'check.V5.9': 'the ballot policy holds (one counted ballot per member)',
  'check.V5.10': 'device-check ballots open to their published votes',
  'check.V5.11':
    'every disputed receipt is the board’s, and its ballot is on the log where it says',
  'check.V6.1': 'postal packs are active and received once',
  'check.V6.2': 'no member voted both online and by post; refusals are justified',
  'check.V6.3': 'postal batch counts respect the contest limits',
  'check.V6.4': 'postal papers add up to the postal packs received',
  'check.V6.5': 'each postal return shows the secret of its pack’s return slip',
  'check.V6.6':
    'postal audit: observers’ seeds were committed before the audit and revealed to match',
  'check.V6.7':
    'postal audit: each sample is the one the public seed draws; only sampled batches were recounted',
  'check.V6.8':
    'postal audit: the risk is recomputed; it stopped only at the risk limit or after a full hand count',
  'check.V7.1': 'the tally counts exactly the counted ballots',
  'check.V7.2': 'the encrypted totals are recomputed',
  'check.V8.1':
    'decryption shares: a qualified trustee, signed, bound to a checkpoint that seals the tally; a repeated or incomplete set is put aside',
  'check.V8.2':
    'decryption share proofs verify; a set that fails is put aside as that trustee’s fault',
  'check.V8.3': 'enough valid shares combine to counts within range',
  'check.V9.1': 'online counts equal the decrypted totals',
  'check.V9.2': 'postal counts equal the sum of postal batches',
  'check.V9.3': 'totals equal online plus postal, for every candidate',
  'check.V10.1': 'every ranked ballot is a proven, well-formed ranking',
  'check.V10.2': 'each mix server shuffled its predecessor’s ballots, with a valid proof',
  'check.V10.3': 'every decryption share of a shuffled ranked ballot is proven by its trustee',
  'check.V10.4':
    'the rankings are decrypted up to each ballot’s last preference, by enough trustees',
  'check.V10.5': 'the published rankings are the decrypted ones',
  'check.V10.6': 'each mix is signed by the mix server that made it, not by whoever relayed it',
  'check.V10.7':
    'every postal paper of a ranked contest is one well-formed ranking, and each batch is counted once',
  'check.V11.1':
    'each ranked result names its contest’s rules and places, and a seed fixed before the count',
  'check.V11.2': 'each ranked result sheet, stage by stage, is the count re-run from the rankings',
  'check.V12.1': 'each voting code carries a ballot style and a weight the manifest allows',
  'check.V12.2': 'no group of voters is smaller than the manifest’s minimum',
  'check.V12.3': 'every ballot covers exactly the contests of its voter’s ballot',
  'check.V12.4': 'the tally’s ballots and weights for each contest are recomputed',
  'check.V12.5': 'each postal batch holds the papers of one ballot style, marked only within it',
  'check.V12.6': 'no ballot style has more postal papers than postal packs received',
  'check.V12.7':
    'each postal batch counts its papers at one weight, and no weight has more postal papers than postal packs received',
} as const;
