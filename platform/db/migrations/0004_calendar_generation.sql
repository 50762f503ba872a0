-- A counter bumped by every change of the national calendar decisions: the
-- calendar's cache key. (count, sum of revisions, largest id) could repeat
-- after a delete and an insert, since SQLite reuses row ids.
CREATE TABLE calendar_generation (
  id INTEGER PRIMARY KEY,
  n BIGINT NOT NULL
);
INSERT INTO calendar_generation (id, n) VALUES (1, 0);
