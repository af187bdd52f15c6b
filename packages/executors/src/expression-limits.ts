import jsonata from 'jsonata';
import type { ExpressionLimit } from './errors';

// JSONata checks its own time and depth budgets only between evaluation steps. These checks close the gaps a
// single step leaves: every step's value is measured as it leaves the step (so a long string or sequence cannot
// feed the next built-in), `$pad` is refused a width past the string limit before it allocates, and the range
// operator is refused a sequence past the limit before it allocates (JSONata's `sequence` option). What one
// built-in can still do inside itself is bounded by the sandbox thread's heap and its wall-clock kill.

/** The limits of one evaluation (an expression, or a whole template); see docs/definition.md. */
export interface ExpressionLimits {
  /** Wall-clock time in milliseconds. */
  timeoutMs: number;
  /** Deepest nesting of evaluation steps (roughly 6 per level of non-tail recursion). */
  maxDepth: number;
  /** Items in any sequence or array a step yields. */
  maxSequence: number;
  /** Characters (UTF-16 code units) in any string a step yields, and in a rendered template. */
  maxStringLength: number;
  /** The result as JSON, in UTF-8 bytes. */
  maxOutputBytes: number;
}

/** Limits used unless the worker's config sets others. */
export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  timeoutMs: 1_000,
  maxDepth: 2_000,
  maxSequence: 1_000_000,
  maxStringLength: 4_194_304,
  maxOutputBytes: 1_048_576,
};

/** JSONata-shaped error code thrown by these checks; mapped to EXPRESSION_LIMIT. */
export const LIMIT_CODE = 'TRELLIS_LIMIT';

/** A JSONata-shaped failure for `limit`, so it travels through `$eval` and JSONata's own error handling. */
export function limitFailure(limit: ExpressionLimit, max: number, message: string) {
  return { code: LIMIT_CODE, limit, max, message };
}

interface JsonataFunction {
  implementation: (...args: unknown[]) => unknown;
}

let builtinPad: JsonataFunction | undefined;

/** Resolves the built-ins the guards wrap, once; call before evaluating. */
export async function loadGuardedBuiltins(): Promise<void> {
  builtinPad ??= (await jsonata('$pad').evaluate(null)) as JsonataFunction;
}

/** Installs the size checks on a compiled expression (and so on every `$eval` it runs). */
export function installLimitGuard(expression: jsonata.Expression, limits: ExpressionLimits): void {
  const exit = (_expr: unknown, _input: unknown, _environment: unknown, result: unknown) => checkSize(result, limits);
  // assign() is typed for names, but JSONata looks its hooks up under this symbol.
  expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, exit);
  expression.registerFunction(
    'pad',
    (text: string, width: number, char?: string) => {
      if (Math.abs(width) > limits.maxStringLength) throw stringFailure(limits);
      return builtinPad!.implementation(text, width, char);
    },
    '<s-ns?:s>',
  );
}

/** Throws the limit failure when a value is a string or sequence past its limit. */
export function checkSize(value: unknown, limits: ExpressionLimits): void {
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) throw stringFailure(limits);
  } else if (Array.isArray(value) && value.length > limits.maxSequence) {
    throw limitFailure('sequence', limits.maxSequence, `a sequence exceeded ${limits.maxSequence} items`);
  }
}

function stringFailure(limits: ExpressionLimits) {
  return limitFailure('string', limits.maxStringLength, `a string exceeded ${limits.maxStringLength} characters`);
}
