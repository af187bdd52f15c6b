import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A real HTTP server on loopback speaking the OpenAI Chat Completions wire format, whose behaviour is
 * chosen by the request's model name: `slow-<ms>` answers after ms, `hang` never answers, `flaky-<key>`
 * fails its first request per key with 500, `fail` always answers 500; anything else answers at once.
 */
export interface LlmWireServer {
  baseUrl: string;
  /** Requests received, in order, with the model asked for. */
  requests: Array<{ model: string; at: number }>;
  /** Requests whose connection the client closed before an answer was sent. */
  aborted: Array<{ model: string; at: number }>;
  close(): Promise<void>;
}

export async function startLlmWireServer(): Promise<LlmWireServer> {
  const requests: LlmWireServer['requests'] = [];
  const aborted: LlmWireServer['aborted'] = [];
  const flakySeen = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { model?: string; messages?: Array<{ content: string }> };
    const model = body.model ?? 'unknown';
    requests.push({ model, at: Date.now() });
    let answered = false;
    res.on('close', () => {
      if (!answered) aborted.push({ model, at: Date.now() });
    });
    const reply = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      answered = true;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    const ok = () =>
      reply(200, {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: `reply to: ${body.messages?.at(-1)?.content ?? ''}` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      });
    if (model === 'hang') return;
    if (model === 'fail') return reply(500, { error: { message: 'upstream exploded' } });
    if (model.startsWith('flaky-') && !flakySeen.has(model)) {
      flakySeen.add(model);
      return reply(500, { error: { message: 'first try fails' } });
    }
    const slow = /^slow-(\d+)$/.exec(model);
    if (slow) return void setTimeout(ok, Number(slow[1]));
    ok();
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
