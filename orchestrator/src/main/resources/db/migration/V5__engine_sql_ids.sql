-- The engine inserts history and outbox rows with plain SQL, taking ids from the sequences one at a time
-- (they were handed out in blocks of 100 to Hibernate's pooled generator).
alter sequence run_state_id_seq increment by 1;
alter sequence outbox_id_seq increment by 1;
