import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';
import { RE2JS } from 're2js';

/**
 * Ajv's `code.regExp`: a schema's `pattern` and `patternProperties` run on RE2, in time linear in the input,
 * so a hostile pattern cannot backtrack catastrophically. Throws while the schema compiles when RE2 cannot
 * run the pattern (backreferences, lookahead, lookbehind), which refuses the schema at save.
 */
export const re2RegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExpLike => {
    const re = compileRe2(pattern, flags);
    // Ajv keys compiled patterns by toString(): distinct patterns need distinct strings.
    const like = { test: (text: string) => re.test(text), toString: () => `/${pattern}/${flags}` };
    return like;
  },
  { code: 're2' },
);

function compileRe2(pattern: string, flags: string): RE2JS {
  try {
    return RE2JS.compile(RE2JS.translateRegExp(new RegExp(pattern, flags)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`pattern /${pattern}/ cannot run in linear time (RE2): ${reason}`, { cause: error });
  }
}
