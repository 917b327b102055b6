-- Threshold windows remember where the window before ended: an event of that window arriving late is not counted
-- again in the next one.
alter table threshold_window add column previous_end timestamptz not null default 'epoch';
