import { ApplicationFailure } from '@temporalio/activity';
import { DrizzleQueryError } from 'drizzle-orm';
import { publicMessage, toPublicFailure } from './public-errors';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const drizzle = (cause: Error) => new DrizzleQueryError('insert into "node_executions" ("output") values ($1)', ['{"a":"\u0000"}'], cause);

describe('public errors', () => {
  it('keeps an ordinary message as it is', () => {
    expect(publicMessage('unknown LLM provider "x"')).toBe('unknown LLM provider "x"');
  });

  it('drops stack frames, file paths and characters Postgres refuses', () => {
    const message =
      'boom at /work/main/packages/executors/src/transform.ts:12:7\n    at run (/app/node_modules/jsonata/jsonata.js:1:2)\nnul\u0000 here';
    expect(publicMessage(message)).toBe('boom at <path> nul\ufffd here');
  });

  it('never repeats SQL or its parameters', () => {
    expect(publicMessage(drizzle(new Error('x')).message)).toBe('a database operation failed');
  });

  it('makes a refused write non-retryable with its SQLSTATE and no SQL', () => {
    const failure = toPublicFailure(drizzle(pgError('22P05', 'unsupported Unicode escape sequence'))) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect([failure.type, failure.nonRetryable]).toEqual(['RECORD_REJECTED', true]);
    expect(failure.message).toContain('22P05');
    expect(failure.message).not.toMatch(/insert|params|\u0000/);
  });

  it('keeps other database errors retryable, without SQL', () => {
    const failure = toPublicFailure(drizzle(pgError('40001', 'could not serialize access'))) as ApplicationFailure;
    expect([failure.type, failure.nonRetryable]).toEqual(['DATABASE_ERROR', false]);
    expect(failure.message).not.toMatch(/insert|params/);
  });

  it('keeps an unreachable database retryable', () => {
    const failure = toPublicFailure(drizzle(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))) as ApplicationFailure;
    expect([failure.type, failure.nonRetryable]).toEqual(['DATABASE_UNAVAILABLE', false]);
  });

  it('passes Temporal failures through unchanged', () => {
    const original = ApplicationFailure.nonRetryable('bad expression', 'EXPRESSION_ERROR');
    expect(toPublicFailure(original)).toBe(original);
  });

  it('keeps any other error retryable under its name, with a public message', () => {
    const failure = toPublicFailure(new TypeError('x is undefined\n    at f (/srv/app.js:1:1)')) as ApplicationFailure;
    expect([failure.type, failure.nonRetryable, failure.message]).toEqual(['TypeError', false, 'x is undefined']);
  });
});
