-- The readable event log (issue 9): events are filtered in SQL by who acted,
-- which subtree they belong to, their kind and their period.
--
-- scope_unit_id: the unit whose administrators see the event. It is unit_id,
-- or for an account's own events (logins, lockouts, password resets, tokens:
-- recorded without a unit) the account's home unit at the time, so that
-- administrators of the subtree holding the account see its security events.
-- kind: what the log's "kind" filter selects: 'security' for account events,
-- 'calendar' for the national decisions, else the entity.
-- Neither column is part of an event's hash (platform/db/events.h): they are
-- derived from hashed columns (kind) or from the organisation (scope).
ALTER TABLE events ADD COLUMN scope_unit_id BIGINT;
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT '';
UPDATE events SET scope_unit_id = unit_id WHERE unit_id IS NOT NULL;
UPDATE events SET scope_unit_id = (SELECT o.unit_id FROM officials o WHERE CAST(o.id AS TEXT) = events.entity_id)
  WHERE unit_id IS NULL AND entity = 'official';
UPDATE events SET kind = CASE
    WHEN entity = 'official' AND action IN ('login', 'login_failed', 'login_throttled', 'locked', 'unlocked',
                                            'password_reset', 'password_changed', 'sessions_ended',
                                            'token_created', 'token_revoked') THEN 'security'
    WHEN entity IN ('calendar_day', 'calendar_year') THEN 'calendar'
    ELSE entity END;
-- Each filter has an index that yields events newest first (id order).
CREATE INDEX events_scope ON events(scope_unit_id, id);
CREATE INDEX events_actor ON events(actor_id, id);
CREATE INDEX events_kind ON events(kind, id);
CREATE INDEX events_at ON events(at);
