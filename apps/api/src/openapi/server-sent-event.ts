import { z } from 'zod';

/** One Server-Sent Event: a stored event (id = its seq) or a live token delta (no id); `data` is the JSON message. */
export const ServerSentEvent = z
  .object({
    id: z.string().regex(/^\d+$/).optional().describe("the event's seq; token deltas have none"),
    event: z.string().describe('the event type, or node.token'),
    data: z.string().meta({
      contentMediaType: 'application/json',
      contentSchema: { anyOf: [{ $ref: '#/components/schemas/ExecutionEvent' }, { $ref: '#/components/schemas/TokenMessage' }] },
    }),
  })
  .meta({ id: 'ServerSentEvent', description: 'One event of a text/event-stream answer; idle streams also carry `: keep-alive` comments' });

/** A `text/event-stream` answer's content. */
export const EventStream = { schema: ServerSentEvent };
