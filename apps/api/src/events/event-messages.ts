import { z } from 'zod';
import { EXECUTION_STATUSES, NODE_STATUSES } from '@trellis/definition';

const EVENT_STATUSES = [...new Set([...EXECUTION_STATUSES, ...NODE_STATUSES])] as [string, ...string[]];

/** A stored execution event as WebSocket and Server-Sent Events clients receive it; `seq` is gapless per execution. */
export const ExecutionEventMessage = z
  .object({
    type: z.string().describe('execution.started, node.completed, execution.completed, …'),
    execution_id: z.string(),
    seq: z.number().int().min(1),
    status: z.enum(EVENT_STATUSES).optional().describe("the execution's status on execution.* events, the node's on node.* events"),
    node_id: z.string().optional(),
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    timestamp: z.string().describe('ISO 8601'),
    data: z.unknown().optional(),
  })
  .meta({ id: 'ExecutionEvent' });
export type ExecutionEventMessage = z.infer<typeof ExecutionEventMessage>;

/**
 * A live LLM token delta. It has no seq (it is not stored, never replayed): order by `index` within a node
 * `attempt`; a new attempt starts again from index 0.
 */
export const TokenMessage = z
  .object({
    type: z.literal('node.token'),
    execution_id: z.string(),
    node_id: z.string(),
    attempt: z.number().int(),
    index: z.number().int(),
    delta: z.string(),
  })
  .meta({ id: 'TokenMessage' });
export type TokenMessage = z.infer<typeof TokenMessage>;

/** The first message on `/ws`: from here on, events of every execution of the user follow. */
export const SubscribedMessage = z
  .object({ type: z.literal('subscribed'), scope: z.literal('all'), timestamp: z.string().describe('ISO 8601') })
  .meta({ id: 'SubscribedMessage' });
export type SubscribedMessage = z.infer<typeof SubscribedMessage>;
