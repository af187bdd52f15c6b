import type { TokenDelta } from '@trellis/db';
import type { TokenMessage } from './event-messages';

/**
 * A live LLM token delta as WebSocket and SSE clients receive it. It has no seq (it is not stored):
 * order by `index` within a node `attempt`; a new attempt starts again from index 0.
 */
export function toTokenMessage(delta: TokenDelta): TokenMessage {
  return {
    type: 'node.token' as const,
    execution_id: delta.execution_id,
    node_id: delta.node_id,
    attempt: delta.attempt,
    index: delta.index,
    delta: delta.delta,
  };
}
