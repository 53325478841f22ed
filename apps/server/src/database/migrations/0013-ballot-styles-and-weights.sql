-- Ballot styles and weights (spec §13.1, §13.4): each credential's category (NULL without styles)
-- and weight (1 without weights), published with it in the `credentials` event; a replacement
-- inherits both from the credential it revokes.

ALTER TABLE credentials ADD COLUMN style text;
ALTER TABLE credentials ADD COLUMN weight integer NOT NULL DEFAULT 1 CHECK (weight >= 1);
