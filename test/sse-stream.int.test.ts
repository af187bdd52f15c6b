import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../apps/api/src/app';
import { listEvents } from '@trellis/db';
import { llm, waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

interface SseFrame {
  id?: number;
  event?: string;
  comment?: string;
}

/** Reads a text/event-stream response frame by frame until `stop` says so or the server ends it. */
async function readFrames(res: Response, stop: (frame: SseFrame, frames: SseFrame[]) => boolean = () => false): Promise<SseFrame[]> {
  const frames: SseFrame[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return frames;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: SseFrame = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else if (line.startsWith('id: ')) frame.id = Number(line.slice(4));
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
      }
      frames.push(frame);
      if (stop(frame, frames)) {
        await reader.cancel();
        return frames;
      }
    }
  }
}

const TERMINAL = /^execution\.(completed|failed|stopped|cancelled|timed_out|terminated)$/;

describe('Server-Sent Events: stream mode and GET /executions/:id/events', () => {
  let stack: TestStack;
  let server: Server;
  let baseUrl: string;
  const user = `sse-${Date.now()}`;
  let auth: string;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    const app = createApp({ ...stack.deps, settings: { ...stack.deps.settings, sseKeepAliveMs: 300 } });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    auth = `Bearer ${stack.tokenFor(user)}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.close();
  });

  async function saveWorkflow(definition: unknown): Promise<string> {
    const res = await request(stack.app).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'sse', definition }).expect(201);
    return res.body.id;
  }

  it('resumes with Last-Event-ID after a disconnect mid-run: every missed event, none twice, the terminal event once', async () => {
    const workflowId = await saveWorkflow({
      nodes: [
        { id: 'in', type: 'input', config: {} },
        llm('a', 'slow-200'),
        llm('b', 'slow-1500'),
        llm('c', 'slow-200'),
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'in', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'out' },
      ],
    });
    const started = await fetch(`${baseUrl}/api/v1/executions`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ workflow_id: workflowId, input_data: { topic: 'sse' }, mode: 'stream' }),
    });
    expect(started.headers.get('content-type')).toContain('text/event-stream');
    const id = started.headers.get('x-execution-id')!;
    const first = await readFrames(started, (frame) => frame.event === 'node.completed' && frame.id !== undefined && frame.id > 3);
    const lastSeen = Math.max(...first.filter((f) => f.id !== undefined).map((f) => f.id!));
    // Events happen while nobody listens.
    await waitForStatus(stack, id, 'terminal');

    const resumed = await fetch(`${baseUrl}/api/v1/executions/${id}/events`, {
      headers: { Authorization: auth, 'Last-Event-ID': String(lastSeen) },
    });
    expect(resumed.status).toBe(200);
    const second = await readFrames(resumed);

    const stored = await listEvents(stack.database.db, { executionId: id, limit: 1000 });
    const received = [...first, ...second].filter((f) => f.id !== undefined);
    expect(second.filter((f) => f.id !== undefined)[0]?.id).toBe(lastSeen + 1);
    expect(received.map((f) => f.id)).toEqual(stored.map((e) => e.seq));
    expect(received.filter((f) => TERMINAL.test(f.event ?? '')).map((f) => f.event)).toEqual(['execution.completed']);
  });

  it('sends a keep-alive comment while the run is quiet, and resumes from ?since= without the header', async () => {
    const workflowId = await saveWorkflow({
      nodes: [{ id: 'in', type: 'input', config: {} }, llm('quiet', 'slow-1500'), { id: 'out', type: 'output', config: {} }],
      edges: [
        { source: 'in', target: 'quiet' },
        { source: 'quiet', target: 'out' },
      ],
    });
    const start = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth)
      .send({ workflow_id: workflowId, input_data: { topic: 'q' } })
      .expect(202);
    await waitForStatus(stack, start.body.id, 'running');
    const res = await fetch(`${baseUrl}/api/v1/executions/${start.body.id}/events?since=1`, { headers: { Authorization: auth } });
    const frames = await readFrames(res);
    expect(frames.filter((f) => f.comment === 'keep-alive').length).toBeGreaterThanOrEqual(1);
    const seqs = frames.filter((f) => f.id !== undefined).map((f) => f.id);
    expect(seqs[0]).toBe(2);
    expect(frames.filter((f) => f.id !== undefined).at(-1)?.event).toBe('execution.completed');
  });

  it("answers 404 for another user's run and 400 for a Last-Event-ID that is not a seq", async () => {
    const workflowId = await saveWorkflow({
      nodes: [
        { id: 'in', type: 'input', config: {} },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [{ source: 'in', target: 'out' }],
    });
    const start = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth)
      .send({ workflow_id: workflowId })
      .expect(202);
    const other = await request(stack.app)
      .get(`/api/v1/executions/${start.body.id}/events`)
      .set('Authorization', `Bearer ${stack.tokenFor(`${user}-other`)}`);
    expect([other.status, other.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await request(stack.app)
      .get(`/api/v1/executions/${start.body.id}/events`)
      .set('Authorization', auth)
      .set('Last-Event-ID', 'abc');
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'BAD_REQUEST']);
    const done = await waitForStatus(stack, start.body.id, 'terminal');
    const after = await fetch(`${baseUrl}/api/v1/executions/${done.id}/events`, {
      headers: { Authorization: auth, 'Last-Event-ID': String(done.lastSeq) },
    });
    expect([after.status, await readFrames(after)]).toEqual([200, []]);
  });
});
