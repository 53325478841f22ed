-- The published nominations document (spec §9.1 `nominations.json`, §9.2.6): stored once per
-- election whose manifest names nominations, exactly as the returning officer uploaded it, and
-- served with the record bundle so a verifier in the browser can check V1.3.

CREATE TABLE nominations (
  election_id text PRIMARY KEY REFERENCES elections (election_id),
  document    text NOT NULL,               -- canonical JSON (spec §10.1), optionally one final \n
  hash        text NOT NULL,               -- SHA-256 hex of the canonical bytes = manifest nominations.hash
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
