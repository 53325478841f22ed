-- The board holds no pack ids (spec §9.5.4): the registrar's pack reference is printed beside the
-- member's name, so a board table from pack ids to credentials would let whoever sees a pack name
-- the member behind every ballot and return of its credential. The registrar keeps that table.
ALTER TABLE credentials DROP CONSTRAINT IF EXISTS credentials_election_id_pack_id_key;
ALTER TABLE credentials DROP COLUMN pack_id;

-- Returned envelopes (spec §9.5.3): which opening batch (the scanner's tray) each received
-- envelope went into, and when it was scanned. One row per credential: an envelope is received
-- once. The count of a batch may not hold more papers than envelopes were received into it.
-- Never published, never beside a choice: a batch's totals are public, its envelopes are not.
CREATE TABLE postal_envelopes (
  election_id text NOT NULL,
  credential  text NOT NULL,
  batch       text NOT NULL,
  scanned_at  text,
  position    bigint NOT NULL,            -- the postal-received event
  PRIMARY KEY (election_id, credential),
  FOREIGN KEY (election_id, credential) REFERENCES credentials (election_id, credential)
);
CREATE INDEX postal_envelopes_batch ON postal_envelopes (election_id, batch);
