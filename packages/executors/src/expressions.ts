import jsonata from 'jsonata';
import type { ExpressionContext } from '@trellis/definition';
import { FORBIDDEN_CODE, installCloneGuard, loadBuiltinClone } from './clone-guard';
import { ExpressionError, ExpressionLimitError, type ExpressionFailureReason, type ExpressionLimit } from './errors';
import {
  DEFAULT_EXPRESSION_LIMITS,
  installLimitGuard,
  LIMIT_CODE,
  limitFailure,
  loadGuardedBuiltins,
  type ExpressionLimits,
} from './expression-limits';
import { LinearRegExp, REGEX_UNSUPPORTED_CODE } from './linear-regexp';
import { toExpressionData, toPlainData } from './plain-data';

// JSONata runs here, in the thread that evaluates (the worker runs this inside its sandbox pool, see sandbox/).
// Authors of definitions may be hostile, so:
// - the data JSONata sees is a copy with null-prototype objects and no functions (JSONata 2 already looks
//   up own properties only; the copy is defence in depth, and a function in the data would be callable);
// - results are copied back to plain JSON data, dropping functions and `__proto__` keys;
// - JSONata's guardrails bound time and depth between steps, expression-limits.ts bounds what each step yields,
//   and regexes run on RE2 (linear-regexp.ts), so none backtracks catastrophically;
// - clone-guard.ts stops transforms from writing into objects shared with other evaluations.
// One built-in call can still run long or allocate much inside itself: the sandbox thread's kill bounds that.

/** Limits of one evaluation; those not given take DEFAULT_EXPRESSION_LIMITS. */
export type ExpressionOptions = Partial<ExpressionLimits>;

/** Time budget of one evaluation unless the caller sets another. */
export const DEFAULT_EXPRESSION_TIMEOUT_MS = DEFAULT_EXPRESSION_LIMITS.timeoutMs;
/** Depth limit of one evaluation unless the caller sets another. */
export const DEFAULT_EXPRESSION_MAX_DEPTH = DEFAULT_EXPRESSION_LIMITS.maxDepth;

const CACHE_LIMIT = 500;
const cache = new Map<string, jsonata.Expression>();

/** The limits `options` leave in force. */
export function limitsOf(options: ExpressionOptions = {}): ExpressionLimits {
  return { ...DEFAULT_EXPRESSION_LIMITS, ...definedOnly(options) };
}

/** Parses (or fetches from a small LRU cache) an expression; throws ExpressionError on a syntax error. */
export function compileExpression(source: string, options: ExpressionOptions = {}): jsonata.Expression {
  const limits = limitsOf(options);
  // The limits are fixed when JSONata compiles, so they are part of the cache key.
  const key = `${limits.timeoutMs}:${limits.maxDepth}:${limits.maxSequence}:${limits.maxStringLength}:${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence,
      RegexEngine: LinearRegExp as unknown as RegExpConstructor,
    });
    compileRegexLiterals(expression.ast());
  } catch (error) {
    throw toExpressionError(error);
  }
  installCloneGuard(expression);
  installLimitGuard(expression, limits);
  cache.set(key, expression);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return expression;
}

/** Evaluates a JSONata expression against the context; the result is plain JSON data (or undefined). */
export async function evaluateExpression(source: string, context: ExpressionContext, options: ExpressionOptions = {}): Promise<unknown> {
  const limits = limitsOf(options);
  const expression = compileExpression(source, limits);
  await Promise.all([loadBuiltinClone(), loadGuardedBuiltins()]);
  let result: unknown;
  try {
    result = await expression.evaluate(toExpressionData(context));
  } catch (error) {
    throw toExpressionError(error, limits);
  }
  const plain = toPlainData(result);
  const { maxOutputBytes } = limits;
  if (plain !== undefined && jsonBytes(plain) > maxOutputBytes) {
    throw toExpressionError(limitFailure('output', maxOutputBytes, `the result exceeded ${maxOutputBytes} bytes as JSON`));
  }
  return plain;
}

/** Size of a value as JSON in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

/** Compiles every regex literal with RE2 now, so an unsupported one is a syntax error before anything runs. */
function compileRegexLiterals(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (node instanceof RegExp) {
    new LinearRegExp(node);
    return;
  }
  for (const value of Object.values(node)) compileRegexLiterals(value);
}

function definedOnly(options: ExpressionOptions): ExpressionOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

interface JsonataFailure {
  code?: string;
  name?: string;
  value?: unknown;
  limit?: ExpressionLimit;
  max?: number;
  position?: number;
  token?: string;
  message?: string;
  /** The inner failure, when `$eval` wrapped one (D3120, D3121). */
  error?: unknown;
}

/** Turns whatever JSONata (or a guard, or V8) threw into EXPRESSION_LIMIT or EXPRESSION_ERROR. */
export function toExpressionError(
  thrown: unknown,
  limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS,
): ExpressionError | ExpressionLimitError {
  const failure = asFailure(thrown);
  let root = failure;
  for (let depth = 0; root.error !== undefined && depth < 10; depth++) root = asFailure(root.error);
  const limit = limitOf(root, limits);
  if (limit) return new ExpressionLimitError(limit.message, { limit: limit.limit, max: limit.max });
  const at = typeof failure.position === 'number' ? ` (at position ${failure.position})` : '';
  return new ExpressionError(`${failure.message ?? 'expression failed'}${at}`, {
    reason: reasonFor(failure.code, root.code),
    ...(failure.code !== undefined && { jsonataCode: failure.code }),
    ...(root !== failure && root.code !== undefined && { innerJsonataCode: root.code }),
    ...(typeof failure.position === 'number' && { position: failure.position }),
    ...(typeof failure.token === 'string' && { token: failure.token }),
  });
}

/** V8's longest string on 64-bit platforms, reached (as a RangeError) inside one built-in call. */
const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;

function limitOf(root: JsonataFailure, limits: ExpressionLimits): { limit: ExpressionLimit; max: number; message: string } | undefined {
  switch (root.code) {
    case LIMIT_CODE:
      return { limit: root.limit!, max: root.max!, message: `expression limit: ${root.message}` };
    case 'D1012':
      return { limit: 'time', max: limits.timeoutMs, message: `expression limit: evaluation ran past ${limits.timeoutMs} ms` };
    case 'D1011':
      return { limit: 'depth', max: limits.maxDepth, message: `expression limit: evaluation nested deeper than ${limits.maxDepth} steps` };
    case 'D2014':
    case 'D2015':
      return { limit: 'sequence', max: limits.maxSequence, message: `expression limit: a sequence exceeded ${limits.maxSequence} items` };
  }
  if (root.name === 'RangeError' && root.message === 'Invalid string length') {
    return { limit: 'string', max: V8_MAX_STRING_LENGTH, message: 'expression limit: a string exceeded the engine maximum' };
  }
  return undefined;
}

function reasonFor(code: string | undefined, rootCode: string | undefined): ExpressionFailureReason {
  if (rootCode === FORBIDDEN_CODE) return 'forbidden';
  if (rootCode === REGEX_UNSUPPORTED_CODE) return 'syntax';
  return code?.startsWith('S') ? 'syntax' : 'runtime';
}

function asFailure(thrown: unknown): JsonataFailure {
  if (thrown === null || typeof thrown !== 'object') return { message: String(thrown) };
  const value = thrown as Record<string, unknown>;
  return {
    code: typeof value.code === 'string' ? value.code : undefined,
    name: typeof value.name === 'string' ? value.name : undefined,
    value: value.value,
    limit: typeof value.limit === 'string' ? (value.limit as ExpressionLimit) : undefined,
    max: typeof value.max === 'number' ? value.max : undefined,
    position: typeof value.position === 'number' ? value.position : undefined,
    token: typeof value.token === 'string' ? value.token : undefined,
    message: typeof value.message === 'string' ? value.message : undefined,
    error: value.error,
  };
}
