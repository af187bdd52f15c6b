import jsonata from 'jsonata';
import type { ExpressionContext } from '@trellis/core';
import { FORBIDDEN_CODE, installCloneGuard, loadBuiltinClone } from './clone-guard';
import { ExpressionError, type ExpressionFailureReason } from './errors';
import { toExpressionData, toPlainData } from './plain-data';

// The only place JSONata runs. Authors of definitions may be hostile, so:
// - the data JSONata sees is a copy with null-prototype objects and no functions (JSONata 2 already looks
//   up own properties only; the copy is defence in depth, and a function in the data would be callable);
// - results are copied back to plain JSON data, dropping functions and `__proto__` keys;
// - JSONata's own guardrails bound time and evaluation depth, so runaway recursion ends with an error;
// - clone-guard.ts stops transforms from writing into objects shared with other evaluations.
// Known limit: one native call (e.g. a catastrophically backtracking regex) cannot be interrupted.

/** Budget for one evaluation. */
export interface ExpressionOptions {
  /** Wall-clock budget in milliseconds; default 1000. */
  timeoutMs?: number;
  /** Deepest nesting of evaluation steps (roughly 6 per level of non-tail recursion); default 2000. */
  maxDepth?: number;
}

/** Time budget of one evaluation unless the caller sets another. */
export const DEFAULT_EXPRESSION_TIMEOUT_MS = 1000;
/** Depth limit of one evaluation unless the caller sets another. */
export const DEFAULT_EXPRESSION_MAX_DEPTH = 2000;

const CACHE_LIMIT = 500;
const cache = new Map<string, jsonata.Expression>();

/** Parses (or fetches from a small LRU cache) an expression; throws ExpressionError on a syntax error. */
export function compileExpression(source: string, options: ExpressionOptions = {}): jsonata.Expression {
  const timeout = options.timeoutMs ?? DEFAULT_EXPRESSION_TIMEOUT_MS;
  const stack = options.maxDepth ?? DEFAULT_EXPRESSION_MAX_DEPTH;
  // The budget is fixed when JSONata compiles, so it is part of the cache key.
  const key = `${timeout}:${stack}:${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, { timeout, stack });
  } catch (error) {
    throw toExpressionError(error);
  }
  installCloneGuard(expression);
  cache.set(key, expression);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return expression;
}

/** Evaluates a JSONata expression against the context; the result is plain JSON data (or undefined). */
export async function evaluateExpression(
  source: string,
  context: ExpressionContext,
  options: ExpressionOptions = {},
): Promise<unknown> {
  const expression = compileExpression(source, options);
  await loadBuiltinClone();
  let result: unknown;
  try {
    result = await expression.evaluate(toExpressionData(context));
  } catch (error) {
    throw toExpressionError(error);
  }
  return toPlainData(result);
}

interface JsonataFailure {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
  /** The inner failure, when `$eval` wrapped one (D3120, D3121). */
  error?: unknown;
}

function toExpressionError(thrown: unknown): ExpressionError {
  const failure = asFailure(thrown);
  let root = failure;
  for (let depth = 0; root.error !== undefined && depth < 10; depth++) root = asFailure(root.error);
  const at = typeof failure.position === 'number' ? ` (at position ${failure.position})` : '';
  return new ExpressionError(`${failure.message ?? 'expression failed'}${at}`, {
    reason: reasonFor(failure.code, root.code),
    ...(failure.code !== undefined && { jsonataCode: failure.code }),
    ...(root !== failure && root.code !== undefined && { innerJsonataCode: root.code }),
    ...(typeof failure.position === 'number' && { position: failure.position }),
    ...(typeof failure.token === 'string' && { token: failure.token }),
  });
}

function reasonFor(code: string | undefined, rootCode: string | undefined): ExpressionFailureReason {
  if (rootCode === 'D1012') return 'timeout';
  if (rootCode === 'D1011') return 'depth';
  if (rootCode === FORBIDDEN_CODE) return 'forbidden';
  return code?.startsWith('S') ? 'syntax' : 'runtime';
}

function asFailure(thrown: unknown): JsonataFailure {
  if (thrown === null || typeof thrown !== 'object') return { message: String(thrown) };
  const value = thrown as Record<string, unknown>;
  return {
    code: typeof value.code === 'string' ? value.code : undefined,
    position: typeof value.position === 'number' ? value.position : undefined,
    token: typeof value.token === 'string' ? value.token : undefined,
    message: typeof value.message === 'string' ? value.message : undefined,
    error: value.error,
  };
}
