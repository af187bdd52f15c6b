import jsonata from 'jsonata';
import { unsupportedRegexes } from './regex-problems';
import { validateDefinition } from './validate';

const around = (node: Record<string, unknown>) => ({
  nodes: [{ id: 'in', type: 'input' }, node, { id: 'out', type: 'output' }],
  edges: [
    { source: 'in', target: node.id },
    { source: node.id, target: 'out' },
  ],
});

function problemsOf(definition: unknown) {
  const result = validateDefinition(definition);
  return result.ok ? [] : result.problems;
}

describe('regexes RE2 cannot run', () => {
  it('finds backreferences and lookahead in an expression, and passes linear-time regexes', () => {
    const ast = jsonata('$match(a, /(x)\\1/) & $replace(b, /c(?=d)/, "") & $contains(c, /(a+)+$/i)').ast();
    const problems = unsupportedRegexes(ast);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^regex \/\(x\)\\1\/ cannot run in linear time \(RE2\)/),
      expect.stringMatching(/^regex \/c\(\?=d\)\/ cannot run in linear time \(RE2\)/),
    ]);
  });

  it('refuses such a regex at save as EXPRESSION_SYNTAX on its field, in expressions and in templates', () => {
    const transform = problemsOf(around({ id: 't', type: 'transform', config: { expression: '$match(input.s, /(ab)\\1/)' } }));
    expect(transform).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX', path: ['nodes', 1, 'config', 'expression'], node_id: 't' }),
    ]);
    const prompt = problemsOf(around({ id: 'ask', type: 'llm', config: { prompt: 'x {{ $split(input.s, /a(?!b)/) }}' } }));
    expect(prompt).toEqual([expect.objectContaining({ code: 'EXPRESSION_SYNTAX', path: ['nodes', 1, 'config', 'prompt'] })]);
    expect(prompt[0]!.message).toMatch(/cannot run in linear time.* in \{\{ \}\}$/);
  });

  it('accepts nested quantifiers, which RE2 runs in linear time', () => {
    expect(problemsOf(around({ id: 't', type: 'transform', config: { expression: '$match(input.s, /(a+)+$/)' } }))).toEqual([]);
  });
});
