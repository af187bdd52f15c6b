CREATE TABLE "execution_counts" (
	"owner_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"shard" smallint NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "execution_counts_owner_id_workflow_id_is_test_shard_pk" PRIMARY KEY("owner_id","workflow_id","is_test","shard")
);
--> statement-breakpoint
DROP INDEX "executions_workflow_created_idx";--> statement-breakpoint
DROP INDEX "executions_owner_created_idx";--> statement-breakpoint
DROP INDEX "executions_owner_status_created_idx";--> statement-breakpoint
CREATE INDEX "executions_owner_workflow_created_idx" ON "executions" USING btree ("owner_id","workflow_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "executions_owner_created_idx" ON "executions" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "executions_owner_status_created_idx" ON "executions" USING btree ("owner_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);