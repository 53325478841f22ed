-- Postal return commitments (spec §9.5): the commitment R published with each credential when the
-- postal channel is on; a postal return must show the secret that opens it (V6.5). NULL when the
-- election offers no postal channel.

ALTER TABLE credentials ADD COLUMN return_commitment text;
