// The API's wire types of human waits, from its OpenAPI document (generated into packages/client).
import type { components } from '@trellis/client/src/generated/openapi';

/** One wait in the inbox (`GET /waits`). */
export type Wait = components['schemas']['Wait'];
export type WaitStatus = Wait['status'];
export type WaitPage = components['schemas']['WaitPage'];
/** An open wait of one run, as `GET /executions/{id}/status` lists it. */
export type OpenWait = components['schemas']['ExecutionStatus']['waits'][number];
/** `POST …/nodes/{node_id}/answer`'s answer once the answer is recorded. */
export type NodeAnswered = components['schemas']['NodeAnswered'];
