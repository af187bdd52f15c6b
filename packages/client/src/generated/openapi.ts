// Generated from the API's OpenAPI document by `npm run generate:client-types` (openapi-typescript); do not edit.
// scripts/client-types.test.ts fails when it no longer matches the document.
export interface paths {
    "/api/v1/answers/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the link asks */
        get: operations["readAnswerLink"];
        put?: never;
        /** Answer through the link (once) */
        post: operations["answerWithLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The WebSocket channels and their messages (AsyncAPI 3) */
        get: operations["getAsyncApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulk/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a bulk action */
        get: operations["readBulkAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulk/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a bulk action: it stops after the batch in flight */
        post: operations["cancelBulkAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an inline definition without saving a workflow
         * @description `workflow_id` only names the run. Idempotent by `execution_id` or Idempotency-Key (a repeat answers 200 with the same run).
         */
        post: operations["executeInline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The execution's log */
        get: operations["getExecuteLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (the same as POST /api/v1/executions/{id}/pause) */
        post: operations["pauseExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (the same as POST /api/v1/executions/{id}/resume) */
        post: operations["resumeExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, current nodes and progress */
        get: operations["getExecuteStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/execute/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop (the same as POST /api/v1/executions/{id}/stop) */
        post: operations["stopExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's executions, newest first
         * @description Follow next_cursor (as fast at any depth as the first page); `page` is OFFSET-based and slower the deeper it goes.
         */
        get: operations["listExecutions"];
        put?: never;
        /**
         * Start an execution of a saved workflow
         * @description mode async (default): 202 with the pending execution. mode sync: waits for the end (at most SYNC_WAIT_MS) and answers 200 with the finished execution, or 202 if it is still running. mode stream: 200 with the events as Server-Sent Events until the terminal one. Idempotent by `execution_id` or the Idempotency-Key header: a repeat answers the same run (200 for async).
         */
        post: operations["startExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an execution with a summary of its nodes */
        get: operations["getExecution"];
        /**
         * Pause, resume, stop or cancel by the status asked for
         * @description paused → pause, running → resume, stopped → stop, cancelled → cancel; 409 INVALID_TRANSITION when not allowed now.
         */
        put: operations["setExecutionStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel: running nodes are cancelled, the run ends as cancelled
         * @description Allowed or refused at once from the execution's current status: 409 INVALID_TRANSITION names it.
         */
        post: operations["cancelExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the execution's events as Server-Sent Events
         * @description Replays the stored events after Last-Event-ID (or ?since=), then follows live until the terminal event; ends at once for a finished run with nothing left to send.
         */
        get: operations["streamExecutionEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One timeline: platform events merged with the Temporal event history
         * @description Reads the Temporal history, so it has a per-user rate limit of its own (429).
         */
        get: operations["getExecutionTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The execution's log: its stored events in seq order */
        get: operations["getExecutionLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every node's input, output, duration, usage and attempts */
        get: operations["listExecutionNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/nodes/{node_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a waiting human node (once; 422 when the answer breaks its form) */
        post: operations["answerNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/nodes/{node_id}/answer-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use link to answer the node without a token (the token is shown once) */
        post: operations["createAnswerLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause: running nodes finish, nothing new starts until resumed
         * @description Allowed or refused at once from the execution's current status: 409 INVALID_TRANSITION names it.
         */
        post: operations["pauseExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-run a finished execution, whole or from a node (nodes not downstream reuse their recorded outputs: no activity, no tokens) */
        post: operations["rerunExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/reruns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The re-runs made from an execution, newest first */
        get: operations["listReruns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused execution
         * @description Allowed or refused at once from the execution's current status: 409 INVALID_TRANSITION names it.
         */
        post: operations["resumeExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, current nodes, progress and open human waits */
        get: operations["getExecutionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop: running nodes finish, the run ends as stopped
         * @description Allowed or refused at once from the execution's current status: 409 INVALID_TRANSITION names it.
         */
        post: operations["stopExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop, cancel, re-run or delete many of the caller's executions (by ids or a filter, at most 1,000) in the background */
        post: operations["startBulkAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (OpenAPI 3.1) */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's waits across runs (as owner or assignee), newest first */
        get: operations["listWaits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-test/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's open test sessions */
        get: operations["listTestSessions"];
        put?: never;
        /** Open a test session of a saved workflow */
        post: operations["createTestSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-test/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a session with its messages */
        get: operations["getTestSession"];
        put?: never;
        post?: never;
        /** Close and delete a session */
        delete: operations["deleteTestSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-test/sessions/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the session's messages (variables stay) */
        post: operations["clearTestSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-test/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message: the workflow runs on it and the reply is the session's last message */
        post: operations["sendTestMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-test/sessions/{id}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the session's variables */
        put: operations["setTestVariables"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's workflows, newest first */
        get: operations["listWorkflows"];
        put?: never;
        /**
         * Save a workflow
         * @description The definition is checked as a whole: 422 lists every problem (schema, graph and expressions) at once.
         */
        post: operations["createWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a workflow */
        get: operations["getWorkflow"];
        /**
         * Update a workflow
         * @description Give at least one of name, description and definition; a new definition bumps the version (runs keep the version they started with).
         */
        put: operations["updateWorkflow"];
        post?: never;
        /** Delete a workflow (its executions stay readable) */
        delete: operations["deleteWorkflow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow's runs, newest first
         * @description An unknown workflow has no runs (an empty page). Follow next_cursor (fast at any depth); `page_index` is OFFSET-based.
         */
        get: operations["listRunHistory"];
        put?: never;
        post?: never;
        /** Delete every finished run of a workflow (409 while any run is live; nothing is deleted then) */
        delete: operations["clearRunHistory"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/history/{execute_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run record with each node's status */
        get: operations["getRunHistoryRecord"];
        put?: never;
        post?: never;
        /** Delete one finished run record (409 while it is live) */
        delete: operations["deleteRunHistoryRecord"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This reference, interactive (Swagger UI): paste a bearer token under Authorize and try any call */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (Authorization: Bearer <METRICS_TOKEN>) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Temporal and Postgres answer within 2 s */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AnswerLink: {
            execution_id: string;
            /** @description ISO 8601 */
            expires_at: string;
            node_id: string;
            token: string;
            url: string;
        };
        AnswerLinkAnswered: {
            answer: unknown;
            /** @description ISO 8601 */
            answered_at: string;
            node_id: string;
        };
        AnswerLinkView: {
            /** @description ISO 8601 */
            expires_at: string;
            /** @description JSON Schema the answer must match */
            form: unknown;
            node_id: string;
            prompt: string;
        };
        BulkProgress: {
            /** @enum {string} */
            action: "stop" | "cancel" | "rerun" | "delete";
            bulk_id: string;
            done: number;
            /** @description the first 100 executions that could not take the action */
            errors: {
                code: string;
                execution_id: string;
                message: string;
            }[];
            failed: number;
            /** @description a bulk re-run only: the runs it started so far, one per execution re-run */
            reruns?: {
                execution_id: string;
                /** @description the new execution */
                rerun_id: string;
            }[];
            /** @enum {string} */
            status: "running" | "completed" | "cancelled";
            total: number;
        };
        /** @description The config of condition nodes. */
        ConditionConfig: {
            /** @description JSONata expression; its truthiness picks the branch taken. */
            expression: string;
        };
        /** @description Evaluates an expression; edges whose branch matches are taken, the others skipped. */
        ConditionNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config: components["schemas"]["ConditionConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "condition";
        };
        ControlResult: {
            /** @description ISO 8601 */
            created_at: string;
            current_nodes: string[];
            /** @description the run in the Temporal Web UI */
            debug_url: string;
            error: components["schemas"]["StoredError"] | null;
            finished_at: string | null;
            id: string;
            input_data: unknown;
            is_test: boolean;
            message: string;
            /** @enum {string} */
            mode: "sync" | "stream" | "async";
            output_data: unknown;
            progress: number;
            /** @description the node it re-ran from (`failed`: the failed nodes); null: the whole run */
            rerun_from_node: string | null;
            /** @description the execution this one re-ran */
            rerun_of: string | null;
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
            temporal_run_id: string | null;
            temporal_workflow_id: string;
            /** @description ISO 8601 */
            updated_at: string;
            usage: components["schemas"]["Usage"] | null;
            workflow_id: string;
            workflow_name: string;
            workflow_version: number;
        };
        /** @description The target runs after the source; `branch` only from a condition. */
        Edge: {
            /** @enum {string} */
            branch?: "true" | "false";
            source: string;
            target: string;
        };
        Error: {
            error: {
                /** @description stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED, RATE_LIMITED */
                code: string;
                /** @description for VALIDATION_FAILED: every problem, each with its path and message */
                details?: unknown;
                message: string;
            };
        };
        Execution: {
            /** @description ISO 8601 */
            created_at: string;
            current_nodes: string[];
            /** @description the run in the Temporal Web UI */
            debug_url: string;
            error: components["schemas"]["StoredError"] | null;
            finished_at: string | null;
            id: string;
            input_data: unknown;
            is_test: boolean;
            message: string | null;
            /** @enum {string} */
            mode: "sync" | "stream" | "async";
            output_data: unknown;
            progress: number;
            /** @description the node it re-ran from (`failed`: the failed nodes); null: the whole run */
            rerun_from_node: string | null;
            /** @description the execution this one re-ran */
            rerun_of: string | null;
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
            temporal_run_id: string | null;
            temporal_workflow_id: string;
            /** @description ISO 8601 */
            updated_at: string;
            usage: components["schemas"]["Usage"] | null;
            workflow_id: string;
            workflow_name: string;
            workflow_version: number;
        };
        ExecutionDetail: {
            /** @description ISO 8601 */
            created_at: string;
            current_nodes: string[];
            /** @description the run in the Temporal Web UI */
            debug_url: string;
            error: components["schemas"]["StoredError"] | null;
            finished_at: string | null;
            id: string;
            input_data: unknown;
            is_test: boolean;
            message: string | null;
            /** @enum {string} */
            mode: "sync" | "stream" | "async";
            nodes: {
                duration_ms: number | null;
                node_id: string;
                node_type: string;
                /** @enum {string} */
                status: "pending" | "running" | "waiting" | "completed" | "failed" | "skipped";
                usage: components["schemas"]["Usage"] | null;
            }[];
            output_data: unknown;
            progress: number;
            /** @description the node it re-ran from (`failed`: the failed nodes); null: the whole run */
            rerun_from_node: string | null;
            /** @description the execution this one re-ran */
            rerun_of: string | null;
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
            temporal_run_id: string | null;
            temporal_workflow_id: string;
            /** @description ISO 8601 */
            updated_at: string;
            usage: components["schemas"]["Usage"] | null;
            workflow_id: string;
            workflow_name: string;
            workflow_version: number;
        };
        ExecutionEvent: {
            data?: unknown;
            execution_id: string;
            /** @enum {string} */
            level: "info" | "warning" | "error";
            message: string;
            node_id?: string;
            seq: number;
            /**
             * @description the execution's status on execution.* events, the node's on node.* events
             * @enum {string}
             */
            status?: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out" | "skipped";
            /** @description ISO 8601 */
            timestamp: string;
            /** @description execution.started, node.completed, execution.completed, … */
            type: string;
        };
        ExecutionPage: {
            /** @description exact: whether another page follows */
            has_more: boolean;
            items: components["schemas"]["Execution"][];
            /** @description pass as ?cursor= for the next page (fast at any depth); null on the last page */
            next_cursor: string | null;
            page: number | null;
            pages: number;
            size: number;
            total: number;
            /** @description false when total is an estimate: a status or time filter matched more than 10,000 executions */
            total_exact: boolean;
        };
        ExecutionStatus: {
            completed: number;
            current_node: string | null;
            current_nodes: string[];
            execution_id: string;
            message: string | null;
            progress: number;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
            total: number;
            /** @description open waits of human nodes (empty unless waiting or paused) */
            waits: {
                assignees: string[];
                /** @description ISO 8601 */
                expires_at: string;
                /** @description JSON Schema of the expected answer */
                form: unknown;
                node_id: string;
                prompt: string;
            }[];
        };
        /** @description The config of human nodes. */
        HumanConfig: {
            assignees?: string[];
            default_answer?: unknown;
            /** @description JSON Schema the answer must match; without one any JSON value. */
            form?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            on_timeout?: "fail" | "continue";
            /** @description What the person is asked: a template, rendered when the node is reached. */
            prompt: string;
            /** @description How long to wait for the answer, in milliseconds (default 24 h, at most 30 days). */
            timeout_ms?: number;
        };
        /** @description Waits for a person's answer (validated against `form`); its output is the answer. */
        HumanNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config: components["schemas"]["HumanConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "human";
        };
        /** @description The config of input nodes. */
        InputConfig: {
            /** @description JSON Schema the execution input must match. */
            schema?: {
                [key: string]: unknown;
            };
        };
        /** @description Starts the run; its output is the execution input. */
        InputNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config?: components["schemas"]["InputConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "input";
        };
        /** @description The config of llm nodes. */
        LlmConfig: {
            json_schema?: {
                [key: string]: unknown;
            };
            max_tokens?: number;
            /** @description JSONata expression yielding extra chat turns, e.g. `messages`. */
            messages?: string;
            model?: string;
            /** @description Prompt template; `{{ expr }}` embeds a JSONata expression. */
            prompt: string;
            provider?: string;
            /** @enum {string} */
            response_format?: "text" | "json";
            stop?: string[];
            /** @description System prompt template; `{{ expr }}` embeds a JSONata expression. */
            system?: string;
            temperature?: number;
        };
        /** @description Calls a language model with a templated prompt; its output is the reply. */
        LlmNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config: components["schemas"]["LlmConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "llm";
        };
        LogEntry: {
            data: unknown;
            event: string;
            /** @enum {string} */
            level: "info" | "warning" | "error";
            message: string;
            node_id: string | null;
            seq: number;
            /** @description ISO 8601 */
            timestamp: string;
        };
        NodeAnswered: {
            answer: unknown;
            /** @description ISO 8601 */
            answered_at: string;
            answered_by: string;
            execution_id: string;
            node_id: string;
        };
        /** @description Unique in the definition; edges and expressions refer to nodes by id. */
        NodeId: string;
        NodeRecord: {
            answered_at: string | null;
            /** @description who answered a human node */
            answered_by: string | null;
            attempts: number;
            duration_ms: number | null;
            error: components["schemas"]["StoredError"] | null;
            finished_at: string | null;
            input: unknown;
            node_id: string;
            node_type: string;
            output: unknown;
            /** @description true when a re-run took this node's result from the run it re-ran */
            reused: boolean;
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "completed" | "failed" | "skipped";
            usage: components["schemas"]["Usage"] | null;
        };
        /** @description Retry policy; defaults: 3 attempts, exponential backoff. */
        NodeRetry: {
            backoff?: number;
            initial_interval_ms?: number;
            max_attempts?: number;
        };
        /** @description The config of output nodes. */
        OutputConfig: {
            /** @description JSONata expression for the result; default: the node's input. */
            expression?: string;
        };
        /** @description Produces a result of the workflow. */
        OutputNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config?: components["schemas"]["OutputConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "output";
        };
        RunHistoryDeleted: {
            deleted: number;
            /** @constant */
            success: true;
        };
        RunHistoryDetail: {
            execution: {
                create_time: number;
                debug_url: string;
                error_code: string | null;
                error_message: string | null;
                execute_id: string;
                /** @enum {string} */
                execute_status: "running" | "success" | "failed" | "interrupted";
                input_parameters: unknown;
                is_output_trimmed: boolean;
                node_execute_status: {
                    [key: string]: {
                        attempts: number;
                        duration_ms: number | null;
                        end_time: number | null;
                        error_message: string | null;
                        node_type: string;
                        start_time: number | null;
                        status: string;
                        usage: components["schemas"]["Usage"] | null;
                    };
                };
                output: unknown;
                /** @description 0 sync, 1 stream, 2 async */
                run_mode: 0 | 1 | 2;
                /** @enum {string} */
                status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
                update_time: number;
                usage: components["schemas"]["Usage"] | null;
                workflow_id: string;
                workflow_name: string;
                workflow_version: number;
            };
            /** @constant */
            success: true;
        };
        RunHistoryPage: {
            /** @description exact: whether another page follows */
            has_more: boolean;
            histories: components["schemas"]["RunHistoryRecord"][];
            /** @description pass as ?cursor= for the next page (fast at any depth); null on the last page */
            next_cursor: string | null;
            /** @constant */
            success: true;
            total: number;
            /** @description false when total is an estimate: a status or time filter matched more than 10,000 executions */
            total_exact: boolean;
        };
        RunHistoryRecord: {
            create_time: number;
            debug_url: string;
            error_code: string | null;
            error_message: string | null;
            execute_id: string;
            /** @enum {string} */
            execute_status: "running" | "success" | "failed" | "interrupted";
            input_parameters: unknown;
            is_output_trimmed: boolean;
            output: unknown;
            /** @description 0 sync, 1 stream, 2 async */
            run_mode: 0 | 1 | 2;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out";
            update_time: number;
            usage: components["schemas"]["Usage"] | null;
            workflow_id: string;
            workflow_name: string;
            workflow_version: number;
        };
        /** @description One event of a text/event-stream answer; idle streams also carry `: keep-alive` comments */
        ServerSentEvent: {
            data: string;
            /** @description the event type, or node.token */
            event: string;
            /** @description the event's seq; token deltas have none */
            id?: string;
        };
        StoredError: {
            code: string;
            details?: unknown;
            message: string;
            node_id?: string;
        };
        TestMessage: {
            content: string;
            id: string;
            meta: {
                durationMs: number;
                errorMessage: string | null;
                /** @description the test execution behind this reply (GET /api/v1/executions/{id} shows it in full) */
                executionId: string;
                needHumanTransfer: boolean;
                nodeDetails: components["schemas"]["TestNodeDetail"][];
                success: boolean;
            } | null;
            /** @enum {string} */
            role: "user" | "assistant";
            timestamp: string;
        };
        TestNodeDetail: {
            durationMs: number;
            /** @description the node's error message when it failed */
            error?: string;
            input: string | null;
            nodeId: string;
            nodeType: string;
            output: string | null;
            success: boolean;
        };
        TestSession: {
            createdAt: string;
            expiresAt: string;
            lastActiveAt: string;
            messages: components["schemas"]["TestMessage"][];
            testSessionId: string;
            variables: {
                [key: string]: unknown;
            };
            workflowId: string;
            workflowName: string;
        };
        TestSessionError: {
            code: string;
            details?: unknown;
            /** @description the HTTP reason phrase */
            error: string;
            message: string;
            status: number;
        };
        TimelineItem: {
            data?: unknown;
            event: string;
            message: string;
            node_id?: string;
            /** @enum {string} */
            source: "platform" | "temporal";
            status?: string;
            /** @description ISO 8601 */
            timestamp: string;
        };
        TokenMessage: {
            attempt: number;
            delta: string;
            execution_id: string;
            index: number;
            node_id: string;
            /** @constant */
            type: "node.token";
        };
        /** @description The config of transform nodes. */
        TransformConfig: {
            /** @description JSONata expression; its value is the node's output. */
            expression: string;
        };
        /** @description Its output is the value of a JSONata expression. */
        TransformNode: {
            /** @enum {string} */
            activity?: "local" | "regular";
            config: components["schemas"]["TransformConfig"];
            id: components["schemas"]["NodeId"];
            name?: string;
            retry?: components["schemas"]["NodeRetry"];
            /** @description Time limit of one attempt, in milliseconds. */
            timeout_ms?: number;
            /** @constant */
            type: "transform";
        };
        Usage: {
            completion_tokens: number;
            prompt_tokens: number;
            total_tokens: number;
        };
        Wait: {
            answered_at: string | null;
            answered_by: string | null;
            assignees: string[];
            /** @description ISO 8601 */
            created_at: string;
            execution_id: string;
            /** @description ISO 8601 */
            expires_at: string;
            /** @description JSON Schema the answer must match */
            form: unknown;
            node_id: string;
            prompt: string;
            /** @enum {string} */
            status: "open" | "answered" | "expired" | "cancelled";
            workflow_id: string;
        };
        WaitPage: {
            has_more: boolean;
            items: components["schemas"]["Wait"][];
            /** @description pass as ?cursor= for the next page; null on the last page */
            next_cursor: string | null;
        };
        Workflow: {
            /** @description ISO 8601 */
            created_at: string;
            /** @description the graph; see the WorkflowDefinition schema */
            definition: unknown;
            description: string | null;
            id: string;
            name: string;
            /** @description ISO 8601 */
            updated_at: string;
            version: number;
        };
        /**
         * Trellis workflow definition
         * @description A workflow graph: typed nodes and the edges between them. See docs/definition.md.
         */
        WorkflowDefinition: {
            /** @default [] */
            edges: components["schemas"]["Edge"][];
            nodes: (components["schemas"]["InputNode"] | components["schemas"]["LlmNode"] | components["schemas"]["ConditionNode"] | components["schemas"]["TransformNode"] | components["schemas"]["OutputNode"] | components["schemas"]["HumanNode"])[];
        };
        WorkflowPage: {
            items: components["schemas"]["Workflow"][];
            page: number;
            pages: number;
            size: number;
            total: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    readAnswerLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the answer link token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the prompt and form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerLinkView"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description gone: used, expired or closed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    answerWithLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the answer link token */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answer: unknown;
                };
            };
        };
        responses: {
            /** @description the answer was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerLinkAnswered"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description gone: used, expired or closed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAsyncApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    readBulkAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description its progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkProgress"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelBulkAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description its progress */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkProgress"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    executeInline: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "workflow_id": "hello",
                 *       "definition": {
                 *         "nodes": [
                 *           {
                 *             "id": "in",
                 *             "type": "input",
                 *             "config": {}
                 *           },
                 *           {
                 *             "id": "greet",
                 *             "type": "transform",
                 *             "config": {
                 *               "expression": "{\"greeting\": \"Hello, \" & input.name & \"!\"}"
                 *             }
                 *           },
                 *           {
                 *             "id": "out",
                 *             "type": "output",
                 *             "config": {}
                 *           }
                 *         ],
                 *         "edges": [
                 *           {
                 *             "source": "in",
                 *             "target": "greet"
                 *           },
                 *           {
                 *             "source": "greet",
                 *             "target": "out"
                 *           }
                 *         ]
                 *       },
                 *       "input_data": {
                 *         "name": "Ada"
                 *       }
                 *     }
                 */
                "application/json": {
                    definition: components["schemas"]["WorkflowDefinition"];
                    execution_id?: string;
                    input_data?: unknown;
                    workflow_id: string;
                };
            };
        };
        responses: {
            /** @description the run an idempotent repeat refers to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                };
            };
            /** @description the run was started (pending) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecuteLogs: {
        parameters: {
            query?: {
                level?: "info" | "warning" | "error";
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        execution_id: string;
                        logs: components["schemas"]["LogEntry"][];
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecuteStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionStatus"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stopExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listExecutions: {
        parameters: {
            query?: {
                created_after?: string;
                created_before?: string;
                cursor?: string;
                include_test?: "true" | "false";
                /** @description page number from 1 (default 1); OFFSET-based, slower the deeper it goes: prefer cursor; ignored when a cursor is given */
                page?: number;
                /** @description only the re-runs of this execution */
                rerun_of?: string;
                size?: number;
                status?: string;
                workflow_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of executions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionPage"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startExecution: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "workflow_id": "wf_…",
                 *       "input_data": {
                 *         "name": "Ada"
                 *       },
                 *       "mode": "async"
                 *     }
                 */
                "application/json": {
                    execution_id?: string;
                    input_data?: unknown;
                    /**
                     * @default async
                     * @enum {string}
                     */
                    mode?: "async" | "sync" | "stream";
                    timeout_ms?: number;
                    variables?: {
                        [key: string]: unknown;
                    };
                    workflow_id: string;
                };
            };
        };
        responses: {
            /** @description sync: the finished execution. async: the run an idempotent repeat refers to. stream: its events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                    "text/event-stream": components["schemas"]["ServerSentEvent"];
                };
            };
            /** @description async: the run was started (pending). sync: it is still running after SYNC_WAIT_MS. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionDetail"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setExecutionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "paused"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    status: "paused" | "running" | "stopped" | "cancelled";
                };
            };
        };
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamExecutionEvents: {
        parameters: {
            query?: {
                /** @description resume after this seq (as the Last-Event-ID header does; the header wins) */
                since?: number;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ServerSentEvent"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecutionTimeline: {
        parameters: {
            query?: {
                source?: "platform" | "temporal";
            };
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the timeline in time order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TimelineItem"][];
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecutionLogs: {
        parameters: {
            query?: {
                level?: "info" | "warning" | "error";
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        execution_id: string;
                        logs: components["schemas"]["LogEntry"][];
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listExecutionNodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the node records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NodeRecord"][];
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    answerNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
                /** @description the node id in the workflow definition */
                node_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "answer": {
                 *         "approved": true
                 *       }
                 *     }
                 */
                "application/json": {
                    answer: unknown;
                };
            };
        };
        responses: {
            /** @description the answer was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeAnswered"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAnswerLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
                /** @description the node id in the workflow definition */
                node_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerLink"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rerunExecution: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from_node": "failed",
                 *       "input_data": {
                 *         "n": 21
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description a node id, or "failed" for the failed node(s); absent: the whole run again */
                    from_node?: string;
                    /** @description the run's input (what `input` reads); default: the re-run execution's input */
                    input_data?: unknown;
                    /**
                     * @default async
                     * @enum {string}
                     */
                    mode?: "async" | "sync";
                    /** @description outputs replacing the recorded ones of reused nodes */
                    node_outputs?: {
                        [key: string]: unknown;
                    };
                    variables?: {
                        [key: string]: unknown;
                    };
                    /** @description default: the re-run execution's version */
                    workflow_version?: "latest" | number;
                };
            };
        };
        responses: {
            /** @description sync: the new execution once ended; or the one an Idempotency-Key already made */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                };
            };
            /** @description the new execution (sync: still running after SYNC_WAIT_MS) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Execution"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReruns: {
        parameters: {
            query?: {
                size?: number;
            };
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the re-runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Execution"][];
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecutionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionStatus"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stopExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the execution after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResult"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startBulkAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "cancel",
                 *       "filter": {
                 *         "status": [
                 *           "running",
                 *           "waiting"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    action: "stop" | "cancel" | "delete";
                    ids: string[];
                } | {
                    /** @enum {string} */
                    action: "stop" | "cancel" | "delete";
                    filter: {
                        created_after?: string;
                        created_before?: string;
                        is_test?: boolean;
                        status?: ("pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out") | ("pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out")[];
                        workflow_id?: string;
                    };
                } | {
                    /** @constant */
                    action: "rerun";
                    /** @description a node id, or "failed" for the failed node(s); absent: the whole run again */
                    from_node?: string;
                    ids: string[];
                    /** @description default: the re-run execution's version */
                    workflow_version?: "latest" | number;
                } | {
                    /** @constant */
                    action: "rerun";
                    filter: {
                        created_after?: string;
                        created_before?: string;
                        is_test?: boolean;
                        status?: ("pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out") | ("pending" | "running" | "waiting" | "paused" | "completed" | "failed" | "stopped" | "cancelled" | "terminated" | "timed_out")[];
                        workflow_id?: string;
                    };
                    /** @description a node id, or "failed" for the failed node(s); absent: the whole run again */
                    from_node?: string;
                    /** @description default: the re-run execution's version */
                    workflow_version?: "latest" | number;
                };
            };
        };
        responses: {
            /** @description the bulk action started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulk_id: string;
                        /** @description the executions it covers (the caller's only) */
                        total: number;
                    };
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listWaits: {
        parameters: {
            query?: {
                /** @description the previous page's next_cursor, unchanged */
                cursor?: string;
                size?: number;
                status?: "open" | "answered" | "expired" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of waits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitPage"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTestSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"][];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTestSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variables?: {
                        [key: string]: unknown;
                    } | null;
                    workflowId: string;
                };
            };
        };
        responses: {
            /** @description the new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTestSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTestSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearTestSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the cleared session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendTestMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "hello"
                 *     }
                 */
                "application/json": {
                    message: string;
                };
            };
        };
        responses: {
            /** @description the session with the reply */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setTestVariables: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "locale": "en"
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the session with its new variables */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSession"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSessionError"] | components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWorkflows: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of workflows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowPage"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "hello",
                 *       "definition": {
                 *         "nodes": [
                 *           {
                 *             "id": "in",
                 *             "type": "input",
                 *             "config": {}
                 *           },
                 *           {
                 *             "id": "greet",
                 *             "type": "transform",
                 *             "config": {
                 *               "expression": "{\"greeting\": \"Hello, \" & input.name & \"!\"}"
                 *             }
                 *           },
                 *           {
                 *             "id": "out",
                 *             "type": "output",
                 *             "config": {}
                 *           }
                 *         ],
                 *         "edges": [
                 *           {
                 *             "source": "in",
                 *             "target": "greet"
                 *           },
                 *           {
                 *             "source": "greet",
                 *             "target": "out"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    definition: components["schemas"]["WorkflowDefinition"];
                    description?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description the saved workflow, version 1 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workflow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "greets by name"
                 *     }
                 */
                "application/json": {
                    definition?: components["schemas"]["WorkflowDefinition"];
                    description?: string | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description the updated workflow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request body larger than BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRunHistory: {
        parameters: {
            query?: {
                cursor?: string;
                include_test?: "true" | "false";
                /** @description page number from 1 (default 1); OFFSET-based, slower the deeper it goes: prefer cursor; ignored when a cursor is given */
                page_index?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of run records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunHistoryPage"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearRunHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description how many run records were deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunHistoryDeleted"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRunHistoryRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an execution id of this workflow */
                execute_id: string;
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the run record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunHistoryDetail"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteRunHistoryRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an execution id of this workflow */
                execute_id: string;
                /** @description the resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted: 1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunHistoryDeleted"];
                };
            };
            /** @description malformed JSON, a JSON body nested too deep, a malformed %-escape in the path, or an invalid query string, cursor or header */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not found (or not yours: the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description conflicts with the current state; details say what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request is well-formed but invalid (details list every problem), or holds text Postgres cannot store (NUL, unpaired surrogates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a rate or concurrency limit (per user; per client address for answer links); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal or Postgres is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description missing, invalid or expired bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            postgres: boolean;
                            temporal: boolean;
                        };
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
            /** @description a backing service does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            postgres: boolean;
                            temporal: boolean;
                        };
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
        };
    };
}
