import { ExpressionError } from './errors';
import { compileExpression, evaluateExpression } from './expressions';
import { contextWith } from './test-helpers';

const context = contextWith({
  input: { name: 'Ada', scores: [3, 4, 5] },
  nodes: { summarize: { text: 'short' } },
  variables: { greeting: 'hi' },
});

async function expressionError(source: string): Promise<ExpressionError> {
  const error = await evaluateExpression(source, context).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExpressionError);
  return error as ExpressionError;
}

describe('evaluateExpression', () => {
  it('reads the input, node outputs, variables and execution from the context', async () => {
    await expect(evaluateExpression('input.name', context)).resolves.toBe('Ada');
    await expect(evaluateExpression('$sum(input.scores)', context)).resolves.toBe(12);
    await expect(evaluateExpression('nodes.summarize.text & "!"', context)).resolves.toBe('short!');
    await expect(evaluateExpression('variables.greeting', context)).resolves.toBe('hi');
    await expect(evaluateExpression('execution.id', context)).resolves.toBe('exec-1');
  });

  it('returns undefined for a path that matches nothing', async () => {
    await expect(evaluateExpression('input.missing', context)).resolves.toBeUndefined();
  });

  it('returns plain arrays and objects with the ordinary prototype', async () => {
    const result = (await evaluateExpression('{"names": [input.name], "n": $count(input.scores)}', context)) as {
      names: unknown[];
    };
    expect(result).toEqual({ names: ['Ada'], n: 3 });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(result.names)).toEqual(['0', 'length']);
  });

  it('drops functions from results', async () => {
    await expect(evaluateExpression('$string', context)).resolves.toBeUndefined();
    await expect(evaluateExpression('{"f": function($x){$x}, "a": 1}', context)).resolves.toEqual({ a: 1 });
  });

  it('does not let one evaluation change the data another one sees', async () => {
    const shared = contextWith({ input: { list: [1, 2] } });
    await evaluateExpression('$append(input.list, 3)', shared);
    await expect(evaluateExpression('input.list', shared)).resolves.toEqual([1, 2]);
    expect(shared.input).toEqual({ list: [1, 2] });
  });

  it('maps a syntax error to EXPRESSION_ERROR with the JSONata code and position', async () => {
    const error = await expressionError('input.name +');
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ reason: 'syntax', jsonataCode: expect.stringMatching(/^S0/) });
    expect(typeof error.details.position).toBe('number');
    expect(error.message).toContain('position');
  });

  it('maps a runtime error to EXPRESSION_ERROR with the JSONata code, position and token', async () => {
    const error = await expressionError('input.name + 1');
    expect(error.details).toMatchObject({ reason: 'runtime', jsonataCode: 'T2001', position: 12, token: '+' });
  });

  it('reports errors raised by $error as runtime failures', async () => {
    const error = await expressionError('$error("custom failure")');
    expect(error.message).toContain('custom failure');
    expect(error.details.reason).toBe('runtime');
  });
});

describe('compileExpression', () => {
  it('returns the cached compiled expression for the same source and budget', () => {
    expect(compileExpression('input.a')).toBe(compileExpression('input.a'));
    expect(compileExpression('input.a', { timeoutMs: 50 })).not.toBe(compileExpression('input.a'));
  });

  it('throws EXPRESSION_ERROR for a syntax error without evaluating anything', () => {
    expect(() => compileExpression('(')).toThrow(ExpressionError);
  });
});
