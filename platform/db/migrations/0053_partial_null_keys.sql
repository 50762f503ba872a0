-- Indexes whose key is often NULL leave those rows out: every query that uses
-- them asks for one value (actor_id = ?, dialogue_id = ?, dossier_id = ?),
-- which no NULL matches, and a row written with a NULL key then enters one
-- B-tree fewer. Events of citizens and of the system have no acting official,
-- most feedback comes outside a dialogue session, and a rating from a desk
-- tablet or a QR code is bound to no dossier. ratings_dossier stays unique over
-- the rows it holds.
DROP INDEX events_actor;
CREATE INDEX events_actor ON events(actor_id, id) WHERE actor_id IS NOT NULL;
DROP INDEX feedback_items_dialogue;
CREATE INDEX feedback_items_dialogue ON feedback_items(dialogue_id) WHERE dialogue_id IS NOT NULL;
DROP INDEX ratings_dossier;
CREATE UNIQUE INDEX ratings_dossier ON ratings(dossier_id) WHERE dossier_id IS NOT NULL;
