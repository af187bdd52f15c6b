import request from 'supertest';
import type { z } from 'zod';
import { createApp } from '../apps/api/src/app';
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

  it('serves executions by status, HTTP latency and node durations in Prometheus format without auth', async () => {
    const app = createApp({ ...stack.deps, metricsRegistries: [workerMetrics] });
    const auth = `Bearer ${stack.tokenFor('metrics')}`;
    await request(app).get('/api/v1/executions').set('Authorization', auth).expect(200);
    const id = await startRun(stack, 'metrics', definition, { word: 'm' });
    await waitForStatus(stack, id, 'completed');
    const res = await request(app).get('/metrics').expect(200);
    expect(res.text).toMatch(/trellis_node_duration_seconds_count\{[^}]*type="llm"[^}]*\} [1-9]/);
    expect(res.text).toMatch(/trellis_executions\{status="completed"\} [1-9]/);
    expect(res.text).toMatch(/trellis_llm_tokens_total\{[^}]*provider="echo"/);
    expect(res.headers['content-type']).toContain('text/plain');
    const count = res.text.split('\n').find((line) => line.startsWith('trellis_http_request_duration_seconds_count{') && line.includes('route="/api/v1/executions/"'));
    expect(count).toMatch(/method="GET"/);
    expect(count).toMatch(/status="200"\} 1$/);
    expect(res.text).toContain('# TYPE trellis_executions gauge');
    expect(res.text).toContain('trellis_websocket_connections 0');
  });
});
