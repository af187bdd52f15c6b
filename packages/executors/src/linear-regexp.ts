import { RE2JS } from 're2js';

// JSONata runs regex literals through whatever RegexEngine it is given: this one is RE2 (re2js, pure JS), which
// matches in time linear in the input, so no pattern can backtrack catastrophically. The price is RE2's syntax:
// no backreferences and no lookahead (lookbehind is off too); such a regex fails as a syntax problem.

/** JSONata error code for a regex RE2 cannot run; mapped to EXPRESSION_ERROR with reason 'syntax'. */
export const REGEX_UNSUPPORTED_CODE = 'TRELLIS_REGEX';

const CACHE_LIMIT = 200;
const compiled = new Map<string, RE2JS>();

/** Compiles a JSONata regex literal with RE2 (cached); throws a JSONata-shaped error when RE2 cannot run it. */
export function compileLinear(source: RegExp): RE2JS {
  const key = `${source.flags}/${source.source}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw { code: REGEX_UNSUPPORTED_CODE, message: `regex /${source.source}/ cannot run in linear time: ${reason}` };
  }
  compiled.set(key, re);
  if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value!);
  return re;
}

/** The `RegExp` subset JSONata uses (`lastIndex`, `exec`), backed by RE2. */
export class LinearRegExp {
  lastIndex = 0;
  private readonly re: RE2JS;

  constructor(source: RegExp) {
    this.re = compileLinear(source);
  }

  exec(input: string): RegExpExecArray | null {
    if (this.lastIndex > input.length) return null;
    const matcher = this.re.matcher(input);
    if (!matcher.find(this.lastIndex)) return null;
    const groups: Array<string | undefined> = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input }) as unknown as RegExpExecArray;
    this.lastIndex = matcher.end();
    return match;
  }
}
