-- Issue 7 (cast throughput): a ballot-cast event line and a stored ballot body are 2.5–3 KB of
-- hex for a two-candidate contest. Above PostgreSQL's default toast_tuple_target (≈ 2 KB) every
-- such row was first run through pglz, which fails on hex and only costs CPU (≈ 60–90 µs a row
-- here), then stored out of line. Rows up to a page stay inline and uncompressed; larger ballots
-- (many candidates) are still toasted as before. Storage only: no value or query changes.
ALTER TABLE events SET (toast_tuple_target = 8160);
ALTER TABLE ballots SET (toast_tuple_target = 8160);
