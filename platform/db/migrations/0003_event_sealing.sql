-- Events are inserted unchained (seq, prev_hash and hash NULL) and chained
-- after commit, in id order, by the sealer (platform/db/events.h): no write
-- waits on the single event_head row any more. Existing events keep their
-- chain: their id is their seq. The head carries an HMAC of (seq, hash) made
-- with a key kept outside the database, when one is configured.
DROP INDEX events_entity;
ALTER TABLE events RENAME TO events_v1;
CREATE TABLE events (
  id @ID@,
  seq BIGINT UNIQUE,
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  unit_id BIGINT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT,
  hash TEXT
);
INSERT INTO events (seq, at, actor_id, actor, unit_id, entity, entity_id, action, before_json, after_json,
                    prev_hash, hash)
  SELECT seq, at, actor_id, actor, unit_id, entity, entity_id, action, before_json, after_json, prev_hash, hash
  FROM events_v1 ORDER BY seq;
DROP TABLE events_v1;
CREATE INDEX events_entity ON events(entity, entity_id);
CREATE INDEX events_unsealed ON events(id) WHERE seq IS NULL;
ALTER TABLE event_head ADD COLUMN mac TEXT NOT NULL DEFAULT '';
