-- The letters' trigger pass (features/letters) reads the desk's events after
-- its cursor. Without this index it went through events_entity: every dossier
-- event ever written, on every pass, then sorted them. This one holds only the
-- events the pass reads, in sequence order, so a pass reads what is new.
CREATE INDEX events_desk ON events(entity, seq) WHERE entity = 'dossier' AND action IN ('receive', 'return', 'apology');
