import { RE2JS } from 're2js';

/** A regex literal of an expression that RE2 cannot run, with its position in the expression. */
export interface RegexProblem {
  message: string;
  position?: number;
}

/**
 * Regex literals of a parsed JSONata expression that the worker's linear-time engine (RE2) cannot run:
 * backreferences, lookahead and lookbehind. The worker refuses them too; here they are caught at save.
 */
export function unsupportedRegexes(ast: unknown): RegexProblem[] {
  const problems: RegexProblem[] = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const { value, position } = node as { value?: unknown; position?: unknown };
    if (value instanceof RegExp) {
      try {
        RE2JS.compile(RE2JS.translateRegExp(value));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({
          message: `regex /${value.source}/ cannot run in linear time (RE2): ${reason}`,
          position: typeof position === 'number' ? position : undefined,
        });
      }
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(ast);
  return problems;
}
