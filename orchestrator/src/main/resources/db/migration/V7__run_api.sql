-- GET /runs filters, each served by an index in the list's order (created_at desc, id), so that a page of a rare
-- state or of one subject does not read past every other run. flow_run_newest serves the unfiltered list and time
-- ranges, flow_run_by_flow the flow filter.

-- state=… and stateName=… (the list adds the name's type to a name's query).
create index flow_run_by_state on flow_run (state_type, created_at desc, id);

-- subject=…: the triggering event's subject, the part of the series key (source|subject) after the first '|'
-- (a source is a URI reference and holds none). The expression must stay the one RunRepository queries.
create index flow_run_by_subject on flow_run ((substr(series_key, strpos(series_key, '|') + 1)), created_at desc, id);
