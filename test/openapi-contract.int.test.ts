import request from 'supertest';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { executions, insertExecution } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import { startApiServer } from '../apps/api/src/server';
import * as R from '../apps/api/src/openapi/responses';
import { workerMetrics } from '../apps/worker/src/metrics';
import { startRun, waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

const definition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'echo', type: 'llm', config: { prompt: 'say {{ input.word }}' } },
    { id: 'out', type: 'output', config: { expression: 'nodes.echo.text' } },
  ],
  edges: [
    { source: 'in', target: 'echo' },
    { source: 'echo', target: 'out' },
  ],
};

describe('OpenAPI document and response contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('serves an OpenAPI 3.1 document whose operations all declare responses, and a readable /docs page', async () => {
    const res = await request(stack.app).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.values(res.body.paths as Record<string, Record<string, { responses: object }>>).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    expect(res.body.paths['/api/v1/executions'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const docs = await request(stack.app).get('/docs').expect(200);
    expect(docs.text).toContain('/api/v1/executions/{id}/pause');
  });

  it('answers every read endpoint in the documented shape', async () => {
    const auth = `Bearer ${stack.tokenFor('contract')}`;
    const id = await startRun(stack, 'contract', definition, { word: 'hi' });
    await waitForStatus(stack, id, 'completed');
    const check = async (path: string, schema: z.ZodType) => {
      const res = await request(stack.app).get(path).set('Authorization', auth).expect(200);
      const parsed = schema.safeParse(res.body);
      expect([path, parsed.success ? 'ok' : parsed.error.issues]).toEqual([path, 'ok']);
      return res.body;
    };
    const detail = await check(`/api/v1/executions/${id}`, R.ExecutionDetail);
    expect(detail.output_data).toContain('[echo]');
    expect(detail.usage.total_tokens).toBeGreaterThan(0);
    await check(`/api/v1/executions/${id}/status`, R.ExecutionStatusResponse);
    const nodes = await check(`/api/v1/executions/${id}/nodes`, R.NodesResponse);
    expect(nodes.items.find((n: { node_id: string }) => n.node_id === 'echo').usage.total_tokens).toBeGreaterThan(0);
    await check(`/api/v1/executions/${id}/logs`, R.LogsResponse);
    await check(`/api/v1/executions/${id}/history`, R.TimelineResponse);
    await check('/api/v1/executions', R.pageOf(R.Execution));
    const workflows = await check('/api/v1/workflows', R.pageOf(R.Workflow));
    await check(`/api/v1/workflows/${workflows.items[0].id}`, R.Workflow);
    const missing = await request(stack.app).get('/api/v1/executions/nope').set('Authorization', auth).expect(404);
    expect(R.ErrorResponse.safeParse(missing.body).success).toBe(true);
  });
});

describe('/metrics', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('serves the API, worker and process metrics on the API port only for the METRICS_TOKEN bearer', async () => {
    const token = 'metrics-token-0123456789';
    const app = createApp({ ...stack.deps, metricsRegistries: [workerMetrics], settings: { ...stack.deps.settings, metrics: { token } } });
    const auth = `Bearer ${stack.tokenFor('metrics')}`;
    await request(app).get('/api/v1/executions').set('Authorization', auth).expect(200);
    const id = await startRun(stack, 'metrics', definition, { word: 'm' });
    await waitForStatus(stack, id, 'completed');
    expect((await request(app).get('/metrics')).status).toBe(401);
    expect((await request(app).get('/metrics').set('Authorization', auth)).status).toBe(401);
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.text).toMatch(/trellis_node_duration_seconds_count\{[^}]*type="llm"[^}]*\} [1-9]/);
    expect(res.text).toMatch(/trellis_live_executions\{status="running"\} \d+/);
    expect(res.text).toMatch(/trellis_llm_tokens_total\{[^}]*provider="echo"/);
    expect(res.text).toMatch(/process_cpu_user_seconds_total \d/);
    expect(res.text).toMatch(/nodejs_eventloop_lag_seconds \d/);
    expect(res.headers['content-type']).toContain('text/plain');
    const count = res.text.split('\n').find((line) => line.startsWith('trellis_http_request_duration_seconds_count{') && line.includes('route="/api/v1/executions/"'));
    expect(count).toMatch(/method="GET"/);
    expect(count).toMatch(/status="200"\} 1$/);
    expect(res.text).toContain('# TYPE trellis_live_executions gauge');
    expect(res.text).toContain('trellis_websocket_connections 0');
  });

  it('is not served on the API port without METRICS_TOKEN; METRICS_PORT serves it apart, without auth', async () => {
    await request(stack.app).get('/metrics').expect(404);
    const deps = { ...stack.deps, settings: { ...stack.deps.settings, metrics: { port: 0, host: '127.0.0.1' } } };
    const api = await startApiServer(deps, { port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
      const res = await fetch(api.metricsUrl!);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE trellis_http_request_duration_seconds histogram');
    } finally {
      await api.close();
    }
  });

  it('reads live-execution counts from Postgres at most every 15 s, whatever the scrape rate', async () => {
    const deps = { ...stack.deps, settings: { ...stack.deps.settings, metrics: { token: 'metrics-token-0123456789' } } };
    const app = createApp(deps);
    const scrape = async () => {
      const res = await request(app).get('/metrics').set('Authorization', 'Bearer metrics-token-0123456789').expect(200);
      return Number(/trellis_live_executions\{status="paused"\} (\d+)/.exec(res.text)![1]);
    };
    const before = await scrape();
    const id = `metrics-paused-${Date.now()}`;
    await insertExecution(stack.database.db, { id, ownerId: 'metrics', workflowId: 'w', workflowVersion: 1, workflowName: 'w', status: 'paused' });
    try {
      for (let i = 0; i < 5; i++) expect(await scrape()).toBe(before);
    } finally {
      await stack.database.db.delete(executions).where(eq(executions.id, id));
    }
  });
});
