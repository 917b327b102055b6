-- The back-off of a failing source is shared: a replica taking the source over (or this one after a restart) waits
-- as long as the one that saw the failures would have, and goes on doubling from there.
alter table source_state
    add column failures   integer not null default 0,
    add column not_before timestamptz;
