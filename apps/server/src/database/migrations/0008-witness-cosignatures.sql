-- Witness co-signatures of checkpoints (spec §10.6.2): published beside the log, one per
-- (size, witness), each over a checkpoint the board signed at that size.

CREATE TABLE cosignatures (
  election_id text NOT NULL,
  size bigint NOT NULL,
  witness text NOT NULL,
  root text NOT NULL,
  signature text NOT NULL,
  PRIMARY KEY (election_id, size, witness),
  FOREIGN KEY (election_id, size) REFERENCES checkpoints (election_id, size)
);
