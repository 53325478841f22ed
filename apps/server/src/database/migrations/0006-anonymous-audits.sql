-- Benaloh audits are published without a session (spec §9.4): the board must not learn which
-- credential tested which choices. The per-credential count goes; the flood limit is per
-- address instead. One row per published audit, kept an hour; `address_key` is the HMAC of the
-- limit key under `address_limit_key.secret`, as for sign-in attempts, so no IP is stored, and
-- nothing names the audited ballot.

ALTER TABLE credentials DROP COLUMN audits_used;

CREATE TABLE audit_posts (
  id          bigserial PRIMARY KEY,
  election_id text NOT NULL,
  address_key text NOT NULL,
  posted_at   timestamptz NOT NULL
);

CREATE INDEX audit_posts_by_address ON audit_posts (election_id, address_key, posted_at);
