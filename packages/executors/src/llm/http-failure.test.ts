import { httpFailure, parseRetryAfter } from './http-failure';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads a delay in seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1_500);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:20 GMT', now)).toBe(20_000);
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('httpFailure', () => {
  it('leaves retryAfterMs out of a 429 without Retry-After', () => {
    expect(httpFailure('p', 429, '', null).details).toEqual({ provider: 'p', status: 429 });
  });

  it('treats other 4xx statuses as bad requests and 408 as a timeout', () => {
    expect(httpFailure('p', 422, '', null).code).toBe('LLM_BAD_REQUEST');
    expect(httpFailure('p', 408, '', null).code).toBe('LLM_TIMEOUT');
  });

  it('quotes the upstream error message, or the start of a non-JSON body', () => {
    expect(httpFailure('p', 400, '{"error": {"message": "bad temperature"}}', null).message).toBe('p answered HTTP 400: bad temperature');
    expect(httpFailure('p', 502, 'x'.repeat(600), null).message).toHaveLength('p answered HTTP 502: '.length + 500);
  });
});
