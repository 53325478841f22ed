-- Per-address sign-in limits shared by every server instance (threats guide §4.5 B2): one row
-- per sign-in attempt, kept an hour. An attempt is 'pending' while its check runs (it counts as
-- a failure until settled, so a concurrent burst cannot slip past the limit), then 'failed' or
-- 'ok'. Addresses are not stored: `address_key` is an HMAC of the limit key (an IPv4 address or
-- an IPv6 /64) under `address_limit_key.secret`, so a copy of the database names no voter's IP.

CREATE TABLE address_limit_key (
  id     integer PRIMARY KEY CHECK (id = 1),
  secret bytea NOT NULL
);

CREATE TABLE sign_in_attempts (
  id          bigserial PRIMARY KEY,
  address_key text NOT NULL,
  state       text NOT NULL CHECK (state IN ('pending', 'failed', 'ok')),
  started_at  timestamptz NOT NULL
);

CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address_key, started_at);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (started_at);

-- Benaloh audits a credential has published (the board caps them per credential): a count only,
-- never which audited ballots, so the board keeps no link from a member to the choices tested.
ALTER TABLE credentials ADD COLUMN audits_used integer NOT NULL DEFAULT 0;

-- Sign-in challenges already answered with a valid credential signature: a challenge is good
-- for one sign-in only, so a captured request cannot be replayed to spend the member's attempts.
-- Kept until the challenge expires (5 minutes), then swept.
CREATE TABLE spent_challenges (
  election_id text NOT NULL,
  challenge   text NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (election_id, challenge)
);

CREATE INDEX spent_challenges_by_expiry ON spent_challenges (expires_at);
