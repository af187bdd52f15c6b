import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { json } from '../openapi/operation-kit';
import { apiRoute } from './api-route';
import { routerOf } from './mount-routes';
import { ResponseDriftError } from './response-check';

const Greeting = z.object({ greeting: z.string() });

const greetRoute = (answer: unknown, status = 200) =>
  apiRoute({
    method: 'post',
    path: '/greet/{name}',
    operationId: 'greet',
    summary: 'greets',
    query: z.object({ loud: z.enum(['true', 'false']).optional() }),
    body: z.object({ punctuation: z.string().max(1) }).strict(),
    ok: { 200: json(Greeting, 'the greeting') },
    handler: ({ params, query, body, res }) => {
      res
        .status(status)
        .json(answer ?? { greeting: `hello ${query.loud === 'true' ? params.name.toUpperCase() : params.name}${body.punctuation}` });
    },
  });

function appWith(route: ReturnType<typeof greetRoute>, checkResponses?: boolean) {
  const errors: unknown[] = [];
  const deps = { settings: { checkResponses } } as unknown as ApiDeps;
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    errors.push(error);
    res.status((error as { status?: number }).status ?? 500).json({ error: String(error) });
  };
  const app = express()
    .use(express.json())
    .use(routerOf(deps, [route]))
    .use(onError);
  return { app, errors };
}

describe('routerOf', () => {
  it('hands the handler the path parameters, the parsed query and the parsed body', async () => {
    const { app } = appWith(greetRoute(undefined));
    const res = await request(app).post('/greet/ada?loud=true').send({ punctuation: '!' }).expect(200);
    expect(res.body).toEqual({ greeting: 'hello ADA!' });
  });

  it('refuses a bad query with 400 and a bad body with 422 before the handler runs', async () => {
    const { app } = appWith(greetRoute(undefined));
    await request(app).post('/greet/ada?loud=maybe').send({ punctuation: '!' }).expect(400);
    await request(app).post('/greet/ada').send({ punctuation: '!!' }).expect(422);
    await request(app).post('/greet/ada').expect(422);
  });

  it('fails the request when the handler answers a body its declared response does not allow', async () => {
    const { app, errors } = appWith(greetRoute({ greeting: 42 }));
    await request(app).post('/greet/ada').send({ punctuation: '!' }).expect(500);
    expect(errors[0]).toBeInstanceOf(ResponseDriftError);
    expect(String(errors[0])).toContain('POST /greet/{name} answered 200');
  });

  it('fails the request when the handler answers JSON under a status it does not declare', async () => {
    const { app, errors } = appWith(greetRoute({ greeting: 'hi' }, 201));
    await request(app).post('/greet/ada').send({ punctuation: '!' }).expect(500);
    expect(String(errors[0])).toContain('answered 201');
  });

  it('lets drift through unchecked when response checks are off (production)', async () => {
    const { app } = appWith(greetRoute({ greeting: 42 }), false);
    const res = await request(app).post('/greet/ada').send({ punctuation: '!' }).expect(200);
    expect(res.body).toEqual({ greeting: 42 });
  });
});
