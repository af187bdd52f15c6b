import {
  ConfigInvalidError,
  ExpressionError,
  InputInvalidError,
  LlmAuthError,
  LlmBadRequestError,
  LlmNotFoundError,
  LlmProviderUnknownError,
  LlmRateLimitedError,
  LlmTimeoutError,
  LlmUnavailableError,
  NodeExecutionError,
  OutputInvalidError,
} from './errors';

describe('node execution errors', () => {
  it.each([
    [new ExpressionError('x', { reason: 'runtime' }), 'EXPRESSION_ERROR', false],
    [new InputInvalidError([{ path: '$.a', message: 'is required' }]), 'INPUT_INVALID', false],
    [new ConfigInvalidError('x'), 'CONFIG_INVALID', false],
    [new OutputInvalidError('x', { text: 'raw' }), 'OUTPUT_INVALID', false],
    [new LlmProviderUnknownError('nope'), 'LLM_PROVIDER_UNKNOWN', false],
    [new LlmBadRequestError('x'), 'LLM_BAD_REQUEST', false],
    [new LlmAuthError('x'), 'LLM_AUTH', false],
    [new LlmNotFoundError('x'), 'LLM_NOT_FOUND', false],
    [new LlmRateLimitedError('x'), 'LLM_RATE_LIMITED', true],
    [new LlmUnavailableError('x'), 'LLM_UNAVAILABLE', true],
    [new LlmTimeoutError('x'), 'LLM_TIMEOUT', true],
  ])('%p carries code %s and retryable %s', (error, code, retryable) => {
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.name).toBe(error.constructor.name);
  });

  it('lists every schema problem of invalid input in its details and summarises them in the message', () => {
    const problems = [
      { path: '$.name', message: 'is required' },
      { path: '$.age', message: 'must be number, not string' },
    ];
    const error = new InputInvalidError(problems);
    expect(error.details).toEqual({ problems });
    expect(error.message).toContain('$.name is required');
    expect(error.message).toContain('$.age must be number');
  });
});
