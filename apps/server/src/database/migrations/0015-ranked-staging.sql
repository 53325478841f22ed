-- Staged parts of a ranked step (spec §11.8 "Staging"): a mix, or a trustee's shares of a round,
-- too large for one request arrives part by part and waits here, off the public record, until
-- the officer commits the step; the board then checks the parts joined as one step and appends
-- them together, or appends nothing. In the database, not in memory, so that any instance may
-- take any part and a restart loses nothing.
CREATE TABLE ranked_staging (
  election_id text NOT NULL REFERENCES elections (election_id),
  step        text NOT NULL,               -- 'mix/<contest>/<mixer>' or 'shares/<contest>/<round>/<trustee>'
  part        integer NOT NULL CHECK (part >= 0),
  parts       integer NOT NULL CHECK (parts > part),
  joins       text NOT NULL,               -- what every part repeats: the inputHash, or the checkpoint
  body        text NOT NULL,               -- canonical JSON of the event body (spec §10.1)
  digest      text NOT NULL,               -- SHA-256 hex of body: what makes a re-upload idempotent
  bytes       bigint NOT NULL,
  staged_at   timestamptz NOT NULL,        -- the board clock's time: abandoned staging expires
  PRIMARY KEY (election_id, step, part)
);
CREATE INDEX ranked_staging_by_age ON ranked_staging (staged_at);

-- Mixes whose shuffle proof (V10.2) the board has checked, each keyed by the SHA-256 chain of
-- the appended events' hashes, recomputed from their lines, and of its input (checked-mixes.ts):
-- a changed mix, or a changed mix or ballot before it, has another key and is checked again.
CREATE TABLE checked_mixes (
  election_id text NOT NULL REFERENCES elections (election_id),
  contest     integer NOT NULL,
  mixer       integer NOT NULL,
  key         text NOT NULL,
  PRIMARY KEY (election_id, contest, mixer, key)
);
