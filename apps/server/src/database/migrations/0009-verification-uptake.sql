-- Aggregate verification uptake (spec §9.10): how many times voters and observers checked, as
-- counts only — no tracker, credential, address or time is kept — published with the result.

CREATE TABLE verification_uptake (
  election_id text NOT NULL REFERENCES elections (election_id),
  kind text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (election_id, kind)
);
