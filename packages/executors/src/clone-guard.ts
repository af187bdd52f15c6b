import jsonata from 'jsonata';

// JSONata's transform operator (`obj ~> | pattern | update |`) copies `obj` with whatever `$clone` is bound
// to, then assigns into the copy. An author who rebinds `$clone` to `function($x){$x}` makes it assign into
// the original instead, and built-in function objects are shared by every evaluation in the process, so
// `{"f": $string} ~> |f|{"implementation": ...}|` would replace `$string` for every other workflow.
// The guard runs as JSONata's evaluate-entry hook and refuses any transform whose `$clone` is not the built-in.

/** JSONata error code thrown by the guard; mapped to EXPRESSION_ERROR with reason 'forbidden'. */
export const FORBIDDEN_CODE = 'TRELLIS_FORBIDDEN';

interface AstNode {
  type: string;
  pattern?: AstNode;
}

interface Environment {
  lookup(name: string): unknown;
}

const transformPatterns = new WeakSet<AstNode>();
let builtinClone: unknown;

/** Resolves the built-in `$clone` once; call before evaluating anything the guard protects. */
export async function loadBuiltinClone(): Promise<void> {
  builtinClone ??= await jsonata('$clone').evaluate(null);
}

/** Installs the guard on a compiled expression (and so on every `$eval` it runs). */
export function installCloneGuard(expression: jsonata.Expression): void {
  // assign() is typed for names, but JSONata looks its hooks up under this symbol.
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, guardTransformClone);
}

function guardTransformClone(expr: AstNode, _input: unknown, environment: Environment): void {
  // A transform's pattern is only ever evaluated by its transformer, right after it called `$clone`.
  if (expr.type === 'transform' && expr.pattern) transformPatterns.add(expr.pattern);
  else if (transformPatterns.has(expr) && environment.lookup('clone') !== builtinClone) {
    throw { code: FORBIDDEN_CODE, message: 'the transform operator cannot be used with a rebound $clone' };
  }
}
