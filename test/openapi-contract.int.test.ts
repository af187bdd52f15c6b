import request from 'supertest';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { executions, insertExecution } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import { startApiServer } from '../apps/api/src/server';
import { ExecutionEventMessage } from '../apps/api/src/events/event-messages';
import * as R from '../apps/api/src/openapi/responses';
import { openApiPathOf, servedRoutes } from '../apps/api/src/route-table';
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

  const documented = (document: { paths: Record<string, Record<string, unknown>> }) =>
    Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

  it('documents every route the app serves, and serves every documented operation', async () => {
    const res = await request(stack.app).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    // Parameter names differ between Express and the document only in spelling (:nodeId, {node_id}).
    const shape = (route: string) => route.replace(/\{\w+\}/g, '{}');
    const served = servedRoutes(stack.app).map((r) => shape(`${r.method} ${openApiPathOf(r.path)}`));
    expect(new Set(served).size).toBe(served.length);
    expect([...new Set(documented(res.body).map(shape))].sort()).toEqual([...served].sort());
  });

  it('lists for every operation a success answer and the error answers of its kind in the one error shape', async () => {
    const res = await request(stack.app).get('/api/v1/openapi.json').expect(200);
    const op = (method: string, path: string) => res.body.paths[path][method];
    const statuses = (method: string, path: string) => Object.keys(op(method, path).responses).sort();
    expect(statuses('post', '/api/v1/executions')).toEqual(['200', '202', '400', '401', '404', '409', '413', '422', '429', '503']);
    expect(Object.keys(op('post', '/api/v1/executions').responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(op('post', '/api/v1/executions').responses['429'].headers['Retry-After']).toBeDefined();
    expect(op('post', '/api/v1/executions').parameters.map((p: { name: string }) => p.name)).toEqual(['Idempotency-Key', 'Last-Event-ID']);
    expect(op('post', '/api/v1/executions').requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(op('post', '/api/v1/workflows').responses['201'].links.StartExecution).toEqual({
      operationId: 'startExecution',
      requestBody: { workflow_id: '$response.body#/id' },
    });
    expect(statuses('get', '/api/v1/workflows/{id}/history')).not.toContain('404');
    // A stateful tester reaches the answer routes of a waiting run from the inbox and from the run's status.
    for (const [path, node] of [
      ['/api/v1/waits', '#/items/0/node_id'],
      ['/api/v1/executions/{id}/status', '#/waits/0/node_id'],
    ] as const) {
      const links = op('get', path).responses['200'].links;
      expect([links.AnswerNode.operationId, links.CreateAnswerLink.operationId]).toEqual(['answerNode', 'createAnswerLink']);
      expect(links.AnswerNode.parameters.node_id).toBe(`$response.body${node}`);
    }
    expect(op('get', '/api/v1/workflows/{id}').responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    const operationIds = documented(res.body).map((key) => {
      const [method, path] = key.split(' ');
      return op(method!.toLowerCase(), path!).operationId;
    });
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('answers an unserved method with 405 and the Allow header, OPTIONS with the documented methods, HEAD like GET', async () => {
    const auth = `Bearer ${stack.tokenFor('methods')}`;
    const res = await request(stack.app).get('/api/v1/openapi.json').expect(200);
    const documentedMethods = Object.keys(res.body.paths['/api/v1/executions/{id}']).map((m) => m.toUpperCase());
    const options = await request(stack.app).options('/api/v1/executions/some-id').expect(204);
    expect(options.headers.allow).toBe('GET, HEAD, PUT, OPTIONS');
    expect(documentedMethods.sort()).toEqual(['GET', 'PUT']);
    const patch = await request(stack.app).patch('/api/v1/executions/some-id').set('Authorization', auth).send({}).expect(405);
    expect(patch.headers.allow).toBe('GET, HEAD, PUT, OPTIONS');
    expect(patch.body.error.code).toBe('METHOD_NOT_ALLOWED');
    const trace = await request(stack.app).trace('/api/v1/workflows').set('Authorization', auth).expect(405);
    expect(trace.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    const head = await request(stack.app).head('/api/v1/workflows').set('Authorization', auth).expect(200);
    expect(head.headers['content-type']).toContain('application/json');
    await request(stack.app).delete('/api/v1/no-such-route').set('Authorization', auth).expect(404);
    // A concrete path wins over a templated one that also matches it, as in OpenAPI.
    const bulk = await request(stack.app).get('/api/v1/executions/bulk').set('Authorization', auth).expect(405);
    expect(bulk.headers.allow).toBe('POST, OPTIONS');
  });

  it('answers 422 when a route that needs a body gets none, and PUT /workflows/{id} with nothing to change', async () => {
    const auth = `Bearer ${stack.tokenFor('bodies')}`;
    const created = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth)
      .send({ name: 'body checks', definition })
      .expect(201);
    const noBody = await request(stack.app).put(`/api/v1/workflows/${created.body.id}`).set('Authorization', auth).expect(422);
    expect(noBody.body.error.code).toBe('VALIDATION_FAILED');
    await request(stack.app).put(`/api/v1/workflows/${created.body.id}`).set('Authorization', auth).send({}).expect(422);
    const after = await request(stack.app).get(`/api/v1/workflows/${created.body.id}`).set('Authorization', auth).expect(200);
    expect(after.body.updated_at).toBe(created.body.updated_at);
    await request(stack.app).post('/api/v1/executions').set('Authorization', auth).expect(422);
    await request(stack.app).put('/api/v1/executions/any').set('Authorization', auth).expect(422);
    const noVariables = await request(stack.app).put('/api/v1/workflow-test/sessions/any/variables').set('Authorization', auth).expect(400);
    expect(noVariables.body.code).toBe('VALIDATION_FAILED');
    const nullVariables = await request(stack.app)
      .put('/api/v1/workflow-test/sessions/any/variables')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('null')
      .expect(400);
    expect(nullVariables.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves /docs as Swagger UI from the installed package, set up to try calls with a pasted bearer token', async () => {
    const page = await request(stack.app).get('/docs').expect(200);
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    const script = await request(stack.app).get('/docs/reference.js').expect(200);
    expect(script.text).toContain("url: '/api/v1/openapi.json'");
    expect(script.text).toContain('tryItOutEnabled: true');
    const bundle = await request(stack.app).get('/docs/assets/swagger-ui-bundle.js').expect(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    const document = await request(stack.app).get('/api/v1/openapi.json').expect(200);
    expect(document.body.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('describes the WebSocket endpoints in an AsyncAPI 3 document whose payloads are the event schemas', async () => {
    const res = await request(stack.app).get('/api/v1/asyncapi.json').expect(200);
    expect(res.body.asyncapi).toBe('3.0.0');
    expect(Object.values(res.body.channels).map((c) => (c as { address: string }).address)).toEqual(['/ws/{execution_id}', '/ws']);
    expect(res.body.components.messages.ExecutionEvent.payload).toEqual(
      z.toJSONSchema(ExecutionEventMessage, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }),
    );
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
    const count = res.text
      .split('\n')
      .find((line) => line.startsWith('trellis_http_request_duration_seconds_count{') && line.includes('route="/api/v1/executions"'));
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
    await insertExecution(stack.database.db, {
      id,
      ownerId: 'metrics',
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status: 'paused',
    });
    try {
      for (let i = 0; i < 5; i++) expect(await scrape()).toBe(before);
    } finally {
      await stack.database.db.delete(executions).where(eq(executions.id, id));
    }
  });
});
