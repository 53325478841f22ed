-- Scrutineer server schema, version 1: elections, the board log and its Merkle store, checkpoints,
-- credentials and their uses, ballots, and the officials' audit log. Every table is keyed by
-- election id. Spec §9.5 (events), §10.2 (Merkle log), §10.3 (checkpoints), §10.4 (receipts).

CREATE TABLE elections (
  election_id      text PRIMARY KEY,
  manifest         text NOT NULL,          -- canonical JSON of the manifest (spec §9.2)
  manifest_hash    text NOT NULL,
  board_public_key text NOT NULL,          -- hex point, = manifest.board.publicKey
  board_secret_key text NOT NULL,          -- hex scalar: signs checkpoints and receipts
  hmac_key         bytea NOT NULL,         -- stamps sign-in challenges and session tokens
  admin_key_hash   text NOT NULL,          -- SHA-256 hex of the returning officer's bearer key
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- The one row every append locks (SELECT … FOR UPDATE): sequencing happens here, so any number
-- of server instances against one database extend one chain.
CREATE TABLE board_heads (
  election_id      text PRIMARY KEY REFERENCES elections (election_id),
  size             bigint NOT NULL,        -- number of events
  head_hash        text NOT NULL,          -- event hash of the last event (spec §9.5)
  last_time        text NOT NULL,          -- board time of the last event
  frontier         bytea NOT NULL,         -- roots of the perfect subtrees, largest first (§10.2.2)
  stage            text NOT NULL,          -- spec §9.6
  election_key     text,
  base_hash        text,
  credential_count bigint,
  share_count      integer NOT NULL DEFAULT 0
);

CREATE TABLE events (
  election_id text NOT NULL REFERENCES elections (election_id),
  position    bigint NOT NULL,
  type        text NOT NULL,
  line        text NOT NULL,               -- canonical JSON, the Merkle leaf (spec §10.1.4)
  event_hash  text NOT NULL,
  time        text NOT NULL,
  PRIMARY KEY (election_id, position)
);
CREATE INDEX events_by_type ON events (election_id, type, position);

-- Every perfect aligned subtree of the Merkle log: level h, index i holds MTH(D[i·2^h, (i+1)·2^h)).
CREATE TABLE merkle_nodes (
  election_id text NOT NULL,
  level       smallint NOT NULL,
  node_index  bigint NOT NULL,
  hash        bytea NOT NULL,
  PRIMARY KEY (election_id, level, node_index)
);

CREATE TABLE checkpoints (
  election_id text NOT NULL REFERENCES elections (election_id),
  size        bigint NOT NULL,
  root        text NOT NULL,
  time        text NOT NULL,
  signature   text NOT NULL,
  PRIMARY KEY (election_id, size)
);

CREATE TABLE credentials (
  election_id     text NOT NULL REFERENCES elections (election_id),
  credential      text NOT NULL,           -- hex public key C (spec §6.5)
  pack_id         text,                    -- the registrar's pack reference (never published)
  answers_hash    text NOT NULL,           -- Argon2id PHC string of the normalised answers
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  failed_attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (election_id, credential),
  UNIQUE (election_id, pack_id)
);

-- One credential, one channel (spec §9.7): the UNIQUE key is the decision, never a prior read.
-- Transactions claim keys like this one before they lock the board head, never after.
CREATE TABLE credential_uses (
  election_id text NOT NULL,
  credential  text NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('online', 'postal')),
  PRIMARY KEY (election_id, credential),
  FOREIGN KEY (election_id, credential) REFERENCES credentials (election_id, credential)
);

-- Cast and audited ballots. A tracker is unique per election (V5.7); the receipt is stored so a
-- resubmission gets the identical one.
CREATE TABLE ballots (
  election_id       text NOT NULL,
  tracker           text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('cast', 'audited')),
  credential        text,
  position          bigint NOT NULL,
  body              text NOT NULL,         -- canonical JSON of the ballot as published
  time              text NOT NULL,
  event_hash        text NOT NULL,
  receipt_signature text,
  PRIMARY KEY (election_id, tracker)
);
CREATE INDEX ballots_by_credential ON ballots (election_id, credential, position);

-- No ciphertext in two ballots (V5.7, attack A7): every α of every cast or audited ballot.
CREATE TABLE ciphertext_alphas (
  election_id text NOT NULL,
  alpha       bytea NOT NULL,
  PRIMARY KEY (election_id, alpha)
);

-- No proof in two ballots (attack A8, a re-randomised copy that reuses the original's proofs).
CREATE TABLE proof_fingerprints (
  election_id text NOT NULL,
  fingerprint bytea NOT NULL,
  PRIMARY KEY (election_id, fingerprint)
);

-- A cross-channel refusal goes on the board once per credential, channel and reason.
CREATE TABLE cast_refusals (
  election_id text NOT NULL,
  credential  text NOT NULL,
  channel     text NOT NULL,
  reason      text NOT NULL,
  position    bigint NOT NULL,
  PRIMARY KEY (election_id, credential, channel, reason)
);

-- Trustee messages that may appear once (commitments, shares, decryption share; a complaint once
-- per dealer).
CREATE TABLE trustee_messages (
  election_id text NOT NULL,
  trustee     integer NOT NULL,
  type        text NOT NULL,
  subject     integer NOT NULL DEFAULT 0,
  position    bigint NOT NULL,
  PRIMARY KEY (election_id, trustee, type, subject)
);

CREATE TABLE postal_batches (
  election_id text NOT NULL,
  batch       text NOT NULL,
  position    bigint NOT NULL,
  PRIMARY KEY (election_id, batch)
);

-- What officials did that is not itself a board event, and a pointer to those that are.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  election_id text,
  actor       text NOT NULL,
  action      text NOT NULL,
  detail      text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
