import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { ProviderRegistryConfig } from '@trellis/executors';

/**
 * A real HTTP server on loopback speaking two wire formats: OpenAI Chat Completions
 * (`POST /v1/chat/completions`) and Anthropic Messages (`POST /v1/messages`), each as one JSON reply or,
 * when the request says `stream: true`, as Server-Sent Events the way those APIs send them.
 *
 * Behaviour is chosen by the model name: directives joined by `+`, unknown ones ignored (so `+<tag>`
 * makes a name unique). Keyed directives count requests per whole model name.
 *   slow-<ms>       wait before answering
 *   hang            never answer
 *   fail            always HTTP 500
 *   flaky           HTTP 500 on the first request, then answer   (also `flaky-<anything>`)
 *   limited-<s>     HTTP 429 with `Retry-After: <s>` on the first request, then answer
 *   unauthorized    HTTP 401
 *   drip-<n>-<ms>   reply `t0 t1 … t<n-1> `, streamed one token every <ms>
 *   stall-<n>       stream n tokens, then go silent with the connection open
 *   midfail-<n>     stream n tokens, then an error event
 * The reply is `reply to: <last message>`, or the rest of the last message when it starts with `say `.
 */
export interface LlmWireServer {
  baseUrl: string;
  /** Requests received, in order. */
  requests: WireRequest[];
  /** Requests whose connection the client closed before the reply was complete. */
  aborted: Array<{ model: string; at: number }>;
  close(): Promise<void>;
}

export interface WireRequest {
  model: string;
  at: number;
  api: 'openai' | 'anthropic';
  stream: boolean;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** The key the test stack's wire providers send; tests assert it never leaves the worker. */
export const WIRE_API_KEY = 'sk-wire-test-key-0123456789';

/** Registry settings for a wire server: `wire` (OpenAI-compatible) and `wire_anthropic`. */
export function wireProviders(wire: LlmWireServer): ProviderRegistryConfig {
  return {
    providers: {
      wire: { kind: 'openai', baseUrl: wire.baseUrl, apiKey: WIRE_API_KEY, model: 'default' },
      wire_anthropic: { kind: 'anthropic', baseUrl: wire.baseUrl, apiKey: WIRE_API_KEY, model: 'default' },
    },
  };
}

type Api = WireRequest['api'];

interface Plan {
  text: string;
  chunks: string[];
  gapMs: number;
  completionTokens: number;
  /** After this many chunks: 'stall' goes silent, 'fail' sends an error event. */
  stopAfter?: { count: number; how: 'stall' | 'fail' };
}

export async function startLlmWireServer(): Promise<LlmWireServer> {
  const requests: WireRequest[] = [];
  const aborted: LlmWireServer['aborted'] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const api: Api | undefined = req.url === '/v1/chat/completions' ? 'openai' : req.url === '/v1/messages' ? 'anthropic' : undefined;
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    const model = typeof body.model === 'string' ? body.model : 'unknown';
    const stream = body.stream === true;
    if (!api) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no such route"}}');
    requests.push({ model, at: Date.now(), api, stream, headers: req.headers, body });
    const count = (seen.get(model) ?? 0) + 1;
    seen.set(model, count);

    let finished = false;
    res.on('close', () => {
      if (!finished) aborted.push({ model, at: Date.now() });
    });
    const end = (chunk?: string) => {
      if (res.destroyed) return;
      finished = true;
      res.end(chunk);
    };
    const error = (status: number, type: string, message: string, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      end(JSON.stringify(api === 'anthropic' ? { type: 'error', error: { type, message } } : { error: { message, type } }));
    };

    const directives = model.split('+');
    const arg = (name: string): string[] | undefined =>
      directives
        .find((d) => d === name || d.startsWith(`${name}-`))
        ?.split('-')
        .slice(1);
    const slow = Number(arg('slow')?.[0] ?? 0);
    if (slow > 0) await sleep(slow);
    if (res.destroyed) return;

    if (arg('hang')) return;
    if (arg('fail')) return error(500, 'api_error', 'upstream exploded');
    if (arg('unauthorized')) return error(401, 'authentication_error', 'invalid api key');
    if (arg('flaky') && count === 1) return error(500, 'api_error', 'first try fails');
    const limited = arg('limited');
    if (limited && count === 1) return error(429, 'rate_limit_error', 'slow down', { 'retry-after': limited[0] ?? '1' });

    const plan = planOf(body, arg);
    if (!stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return end(JSON.stringify(api === 'anthropic' ? anthropicMessage(model, plan) : openAiCompletion(model, plan)));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (event: string | undefined, data: unknown) => {
      if (!res.destroyed)
        res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    };
    const format = api === 'anthropic' ? anthropicStream(model, plan) : openAiStream(model, plan, body);
    format.start(send);
    for (const [i, chunk] of plan.chunks.entries()) {
      if (plan.stopAfter && i === plan.stopAfter.count) break;
      if (i > 0) await sleep(plan.gapMs);
      if (res.destroyed) return;
      format.chunk(send, chunk);
    }
    if (plan.stopAfter?.how === 'stall') return;
    if (plan.stopAfter?.how === 'fail') {
      format.fail(send);
      return end();
    }
    format.finish(send);
    end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    aborted,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function planOf(body: Record<string, unknown>, arg: (name: string) => string[] | undefined): Plan {
  const drip = arg('drip');
  const stall = arg('stall');
  const midfail = arg('midfail');
  const stopAfter = stall
    ? { count: Number(stall[0] ?? 1), how: 'stall' as const }
    : midfail
      ? { count: Number(midfail[0] ?? 1), how: 'fail' as const }
      : undefined;
  if (drip || stopAfter) {
    const n = Number(drip?.[0] ?? 20);
    const chunks = Array.from({ length: n }, (_, i) => `t${i} `);
    return { text: chunks.join(''), chunks, gapMs: Number(drip?.[1] ?? 10), completionTokens: n, stopAfter };
  }
  const messages = (body.messages ?? []) as Array<{ content?: unknown }>;
  const last = String(messages.at(-1)?.content ?? '');
  const text = last.startsWith('say ') ? last.slice(4) : `reply to: ${last}`;
  return { text, chunks: text.split(/(?<=\s)(?=\S)/), gapMs: 5, completionTokens: 3 };
}

/** Prompt tokens are always 7; completion tokens are 3, or the token count of a drip reply. */
function usage(plan: Plan): { prompt: number; completion: number } {
  return { prompt: 7, completion: plan.completionTokens };
}

type Send = (event: string | undefined, data: unknown) => void;

interface StreamFormat {
  start(send: Send): void;
  chunk(send: Send, text: string): void;
  finish(send: Send): void;
  fail(send: Send): void;
}

function openAiCompletion(model: string, plan: Plan) {
  const { prompt, completion } = usage(plan);
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: plan.text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

function openAiStream(model: string, plan: Plan, body: Record<string, unknown>): StreamFormat {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return {
    start: (send) => send(undefined, chunk({ role: 'assistant', content: '' })),
    chunk: (send, text) => send(undefined, chunk({ content: text })),
    finish: (send) => {
      send(undefined, chunk({}, 'stop'));
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
        const { prompt, completion } = usage(plan);
        const totals = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
        send(undefined, { id: 'chatcmpl-test', object: 'chat.completion.chunk', model, choices: [], usage: totals });
      }
      send(undefined, '[DONE]');
    },
    fail: (send) => send(undefined, { error: { message: 'the model fell over mid-reply', type: 'server_error' } }),
  };
}

function anthropicMessage(model: string, plan: Plan) {
  const { prompt, completion } = usage(plan);
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: plan.text }],
    stop_reason: 'end_turn',
    usage: { input_tokens: prompt, output_tokens: completion },
  };
}

function anthropicStream(model: string, plan: Plan): StreamFormat {
  const { prompt, completion } = usage(plan);
  return {
    start: (send) => {
      const message = {
        id: 'msg_test',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        usage: { input_tokens: prompt, output_tokens: 1 },
      };
      send('message_start', { type: 'message_start', message });
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      send('ping', { type: 'ping' });
    },
    chunk: (send, text) => send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    finish: (send) => {
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: completion },
      });
      send('message_stop', { type: 'message_stop' });
    },
    fail: (send) => send('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
