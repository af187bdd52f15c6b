import { z } from 'zod';
import { ExecutionEventMessage, SubscribedMessage, TokenMessage } from '../events/event-messages';

const payload = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });

const SINCE = {
  type: 'object',
  properties: { since: { type: 'integer', minimum: 0, description: 'replay the stored events after this seq, then go live' } },
};

/**
 * The AsyncAPI 3 document of the WebSocket endpoints, with message payloads from the same schemas the WebSocket
 * and Server-Sent Events writers are typed by.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/messages/${name}` });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Trellis live events',
      version: '1.0.0',
      description:
        'Execution events over WebSocket. Authenticate at the upgrade (401 before the socket exists) with `Authorization: Bearer <token>` or, from browsers, `Sec-WebSocket-Protocol: bearer, <token>`. The same events come as Server-Sent Events from GET /api/v1/executions/{id}/events (see /api/v1/openapi.json).',
    },
    servers: { api: { host: 'localhost:3000', protocol: 'ws', security: [{ $ref: '#/components/securitySchemes/bearer' }] } },
    channels: {
      execution: {
        address: '/ws/{execution_id}',
        title: 'One execution',
        description:
          "Replays the execution's events after ?since= (seq), then follows live until the terminal event; LLM token deltas in between.",
        parameters: { execution_id: { description: 'the execution id (another user’s answers as unknown: 404 at the upgrade)' } },
        messages: { event: ref('ExecutionEvent'), token: ref('TokenMessage') },
        bindings: { ws: { query: SINCE } },
      },
      allExecutions: {
        address: '/ws',
        title: "All of the user's executions",
        description: 'Live events of every execution the user owns, from the subscribed hello on.',
        messages: { subscribed: ref('SubscribedMessage'), event: ref('ExecutionEvent') },
      },
    },
    operations: {
      followExecution: {
        action: 'receive',
        channel: { $ref: '#/channels/execution' },
        messages: [{ $ref: '#/channels/execution/messages/event' }, { $ref: '#/channels/execution/messages/token' }],
      },
      followAllExecutions: {
        action: 'receive',
        channel: { $ref: '#/channels/allExecutions' },
        messages: [{ $ref: '#/channels/allExecutions/messages/subscribed' }, { $ref: '#/channels/allExecutions/messages/event' }],
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      messages: {
        ExecutionEvent: {
          name: 'ExecutionEvent',
          contentType: 'application/json',
          summary: 'A stored event; seq is gapless per execution',
          payload: payload(ExecutionEventMessage),
        },
        TokenMessage: {
          name: 'TokenMessage',
          contentType: 'application/json',
          summary: 'A live LLM token delta (no seq, never replayed)',
          payload: payload(TokenMessage),
        },
        SubscribedMessage: {
          name: 'SubscribedMessage',
          contentType: 'application/json',
          summary: 'The hello of /ws',
          payload: payload(SubscribedMessage),
        },
      },
    },
  };
}
