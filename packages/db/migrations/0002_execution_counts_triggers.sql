-- Keeps sum(count) of execution_counts per (owner_id, workflow_id, is_test) equal to count(*) of those executions.
-- Rows are spread over 8 shards by hashtext(id) so concurrent starts of one workflow rarely wait on one row lock.
-- Statement triggers with transition tables: one upsert per statement and counter row, however many rows it touched.
-- Deletes add negative counts, so only the sum over a key's shards is meaningful (and always right).
CREATE FUNCTION execution_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO execution_counts AS c (owner_id, workflow_id, is_test, shard, count)
  SELECT owner_id, workflow_id, is_test, (hashtext(id) & 7)::smallint, count(*) FROM inserted GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (owner_id, workflow_id, is_test, shard) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION execution_counts_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO execution_counts AS c (owner_id, workflow_id, is_test, shard, count)
  SELECT owner_id, workflow_id, is_test, (hashtext(id) & 7)::smallint, -count(*) FROM deleted GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (owner_id, workflow_id, is_test, shard) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;--> statement-breakpoint
-- No code moves an execution to another owner or workflow; this keeps the counts right if someone does by hand.
CREATE FUNCTION execution_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO execution_counts AS c (owner_id, workflow_id, is_test, shard, count)
  VALUES (OLD.owner_id, OLD.workflow_id, OLD.is_test, (hashtext(OLD.id) & 7)::smallint, -1)
  ON CONFLICT (owner_id, workflow_id, is_test, shard) DO UPDATE SET count = c.count - 1;
  INSERT INTO execution_counts AS c (owner_id, workflow_id, is_test, shard, count)
  VALUES (NEW.owner_id, NEW.workflow_id, NEW.is_test, (hashtext(NEW.id) & 7)::smallint, 1)
  ON CONFLICT (owner_id, workflow_id, is_test, shard) DO UPDATE SET count = c.count + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION execution_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM execution_counts;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER executions_count_insert AFTER INSERT ON executions REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION execution_counts_add();--> statement-breakpoint
CREATE TRIGGER executions_count_delete AFTER DELETE ON executions REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION execution_counts_subtract();--> statement-breakpoint
CREATE TRIGGER executions_count_move AFTER UPDATE OF id, owner_id, workflow_id, is_test ON executions
  FOR EACH ROW WHEN ((OLD.id, OLD.owner_id, OLD.workflow_id, OLD.is_test) IS DISTINCT FROM (NEW.id, NEW.owner_id, NEW.workflow_id, NEW.is_test))
  EXECUTE FUNCTION execution_counts_move();--> statement-breakpoint
CREATE TRIGGER executions_count_truncate AFTER TRUNCATE ON executions
  FOR EACH STATEMENT EXECUTE FUNCTION execution_counts_clear();--> statement-breakpoint
INSERT INTO execution_counts (owner_id, workflow_id, is_test, shard, count)
SELECT owner_id, workflow_id, is_test, (hashtext(id) & 7)::smallint, count(*) FROM executions GROUP BY 1, 2, 3, 4;
