// SQLite's one writer chains events as it appends them (events::Append). Within
// a group commit it keeps the chain's tip (the last event's seq and hash) in
// memory and writes the head row (event_head, with its HMAC) once, before the
// batch commits, instead of reading and updating that row for every event.
// The tip follows the batch's savepoints: a write rolled back takes its events'
// advance of the tip back with it. Between batches it is forgotten, so each
// batch starts from the committed head (another process may have appended).
// All of it runs on the writer thread; the state is per thread.
//
// So on SQLite no write may change event_head, or the chain columns of events,
// itself: Flush would overwrite the head with the tip. Only events::Append and
// events::Seal (run by the batch after Flush) chain events.
#pragma once
#include "platform/db/db.h"

namespace fg::events::tip {

void WriteBegins();       // before a write: remember the tip
void WriteUndone();       // the write was rolled back to its savepoint
void Flush(db::Conn& c);  // before the commit: the head row becomes the tip, if events were appended
void Forget();            // after a commit, or after a batch failed

}  // namespace fg::events::tip
