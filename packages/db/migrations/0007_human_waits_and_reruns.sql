CREATE TABLE "human_answer_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"execution_id" text NOT NULL,
	"node_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "human_waits" (
	"execution_id" text NOT NULL,
	"node_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"assignees" text[] DEFAULT '{}' NOT NULL,
	"prompt" text NOT NULL,
	"form" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "human_waits_execution_id_node_id_pk" PRIMARY KEY("execution_id","node_id")
);
--> statement-breakpoint
DROP INDEX "executions_live_idx";--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "rerun_of" text;--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "rerun_from_node" text;--> statement-breakpoint
ALTER TABLE "node_executions" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "node_executions" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "node_executions" ADD COLUMN "reused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "human_answer_links" ADD CONSTRAINT "human_answer_links_execution_id_node_id_human_waits_execution_id_node_id_fk" FOREIGN KEY ("execution_id","node_id") REFERENCES "public"."human_waits"("execution_id","node_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "human_waits" ADD CONSTRAINT "human_waits_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "human_answer_links_wait_idx" ON "human_answer_links" USING btree ("execution_id","node_id");--> statement-breakpoint
CREATE INDEX "human_waits_owner_created_idx" ON "human_waits" USING btree ("owner_id","created_at" DESC NULLS LAST,"execution_id" DESC NULLS LAST,"node_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "human_waits_assignees_idx" ON "human_waits" USING gin ("assignees");--> statement-breakpoint
CREATE INDEX "human_waits_open_idx" ON "human_waits" USING btree ("expires_at") WHERE "human_waits"."status" = 'open';--> statement-breakpoint
CREATE INDEX "executions_rerun_of_idx" ON "executions" USING btree ("rerun_of","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "executions"."rerun_of" is not null;--> statement-breakpoint
CREATE INDEX "executions_live_idx" ON "executions" USING btree ("created_at") WHERE "executions"."status" in ('pending', 'running', 'waiting', 'paused');