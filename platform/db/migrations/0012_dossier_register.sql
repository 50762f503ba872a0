-- Form 07, the tracking register (features/desk/forms): the dossiers a unit
-- received in a period, found without reading the unit's whole history.
CREATE INDEX dossiers_unit_received ON dossiers(unit_id, received_at);
