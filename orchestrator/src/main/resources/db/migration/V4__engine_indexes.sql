-- Deleting task runs (retention) checks run_state's reference to them: without this index, a scan per task run.
create index run_state_by_task_run on run_state (task_run_id);
-- The relay reads the outbox in commit order.
create index outbox_in_commit_order on outbox (created_at, id);
