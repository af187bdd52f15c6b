import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEFINITION_LIMITS, DEFINITION_PROBLEM_CODES, type DefinitionProblem, validateDefinition } from './validate';

const input = { id: 'in', type: 'input' };
const output = { id: 'out', type: 'output' };
const linear = {
  nodes: [input, { id: 'double', type: 'transform', config: { expression: 'input.n * 2' } }, output],
  edges: [
    { source: 'in', target: 'double' },
    { source: 'double', target: 'out' },
  ],
};

/** The problems of a definition that must fail; a passing one fails the test. */
function problemsOf(raw: unknown, limits?: Parameters<typeof validateDefinition>[1]): DefinitionProblem[] {
  const result = validateDefinition(raw, limits);
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.problems;
}

function codesOf(raw: unknown): string[] {
  return problemsOf(raw).map((problem) => problem.code);
}

/** A linear in → ...middle → out definition around the given nodes. */
function around(...middle: Array<Record<string, unknown>>) {
  const nodes = [input, ...middle, output];
  const edges = nodes.slice(1).map((node, i) => ({ source: nodes[i]!.id as string, target: node.id as string }));
  return { nodes, edges };
}

describe('validateDefinition', () => {
  it('accepts a linear definition and applies defaults', () => {
    const result = validateDefinition(linear);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.nodes[0]!.config).toEqual({});
  });

  it('accepts a branching definition with an llm node, a join and a condition lacking a false edge', () => {
    const result = validateDefinition({
      nodes: [
        { id: 'in', type: 'input', config: { schema: { type: 'object', properties: { q: { type: 'string' } } } } },
        { id: 'is_long', type: 'condition', config: { expression: '$length(input.q) > 100' } },
        { id: 'summarize', type: 'llm', config: { system: 'Be brief.', prompt: 'Summarize: {{ input.q }}' } },
        { id: 'shout', type: 'transform', config: { expression: '$uppercase(input.q)' } },
        { id: 'log', type: 'transform', config: { expression: '{"q": input.q}' } },
        { id: 'out', type: 'output', config: { expression: 'nodes.summarize ? nodes.summarize : nodes.shout' } },
      ],
      edges: [
        { source: 'in', target: 'is_long' },
        { source: 'in', target: 'log' },
        { source: 'is_long', target: 'summarize', branch: 'true' },
        { source: 'is_long', target: 'shout', branch: 'true' },
        { source: 'summarize', target: 'out' },
        { source: 'shout', target: 'out' },
        { source: 'log', target: 'out' },
      ],
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('allows edges leaving an output node', () => {
    const result = validateDefinition({
      nodes: [input, output, { id: 'after', type: 'output' }],
      edges: [
        { source: 'in', target: 'out' },
        { source: 'out', target: 'after' },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('reports zod shape errors as INVALID_SHAPE with their path and node id', () => {
    const problems = problemsOf({ nodes: [input, { id: 'out', type: 'output', colour: 'red' }], edges: [], extra: 1 });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'INVALID_SHAPE', path: ['nodes', 1], node_id: 'out' }),
        expect.objectContaining({ code: 'INVALID_SHAPE', path: [] }),
      ]),
    );
  });

  it('reports a definition that is not an object as INVALID_SHAPE only', () => {
    expect(codesOf('nodes')).toEqual(['INVALID_SHAPE']);
    expect(codesOf(null)).toEqual(['INVALID_SHAPE']);
  });

  it('reports an unknown node type as UNKNOWN_NODE_TYPE naming the node', () => {
    const problems = problemsOf(around({ id: 'mystery', type: 'webhook' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', path: ['nodes', 1, 'type'], node_id: 'mystery' })]);
    expect(problems[0]!.message).toContain('"webhook"');
  });

  it('keeps checking the nodes that parsed when another node is malformed', () => {
    const definition = around({ id: 'mystery', type: 'webhook' }, { id: 'bad', type: 'transform', config: {} });
    definition.edges.push({ source: 'out', target: 'nowhere' });
    expect(codesOf(definition).sort()).toEqual(['DANGLING_EDGE', 'INVALID_CONFIG', 'UNKNOWN_NODE_TYPE']);
  });

  it('reports a duplicate node id at the second use', () => {
    const problems = problemsOf({ ...linear, nodes: [...linear.nodes, { id: 'double', type: 'output' }] });
    expect(problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_NODE_ID', path: ['nodes', 3, 'id'], node_id: 'double' })]);
  });

  it('reports each end of an edge that names a missing node', () => {
    const problems = problemsOf({ ...linear, edges: [...linear.edges, { source: 'ghost', target: 'phantom' }] });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'DANGLING_EDGE', path: ['edges', 2, 'source'] }),
      expect.objectContaining({ code: 'DANGLING_EDGE', path: ['edges', 2, 'target'] }),
    ]);
  });

  it('reports a cycle and names the nodes in it', () => {
    const definition = around(
      { id: 'a', type: 'transform', config: { expression: '1' } },
      {
        id: 'b',
        type: 'transform',
        config: { expression: '2' },
      },
    );
    definition.edges.push({ source: 'b', target: 'a' });
    const problems = problemsOf(definition);
    expect(problems).toEqual([expect.objectContaining({ code: 'CYCLE', path: ['edges', 1] })]);
    expect(problems[0]!.message).toContain('"a", "b"');
  });

  it('reports a self loop as a cycle', () => {
    const definition = around({ id: 'a', type: 'transform', config: { expression: '1' } });
    definition.edges.push({ source: 'a', target: 'a' });
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ code: 'CYCLE', path: ['edges', 2], node_id: 'a' })]);
  });

  it('reports a definition without an input node', () => {
    expect(codesOf({ nodes: [output], edges: [] })).toEqual(['INPUT_NODE_COUNT']);
  });

  it('reports a definition with two input nodes and names them', () => {
    const problems = problemsOf({ nodes: [input, { id: 'in2', type: 'input' }, output], edges: [] });
    const count = problems.find((problem) => problem.code === 'INPUT_NODE_COUNT');
    expect(count?.message).toContain('in, in2');
    expect(problems.map((problem) => problem.code)).not.toContain('UNREACHABLE_NODE');
  });

  it('reports a definition without an output node', () => {
    expect(codesOf({ nodes: [input], edges: [] })).toEqual(['NO_OUTPUT_NODE']);
  });

  it('reports an empty definition as missing both input and output', () => {
    expect(codesOf({ nodes: [] })).toEqual(['INPUT_NODE_COUNT', 'NO_OUTPUT_NODE']);
  });

  it('reports nodes the input node cannot reach', () => {
    const problems = problemsOf({
      nodes: [...linear.nodes, { id: 'island', type: 'transform', config: { expression: '1' } }],
      edges: linear.edges,
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'UNREACHABLE_NODE', path: ['nodes', 3], node_id: 'island' })]);
  });

  it('reports an edge leaving a condition without a branch', () => {
    const definition = around({ id: 'check', type: 'condition', config: { expression: 'input.ok' } });
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ code: 'BRANCH_MISSING', path: ['edges', 1], node_id: 'check' })]);
  });

  it('reports the same branch twice to the same target but allows one label to several targets', () => {
    const definition = {
      nodes: [input, { id: 'check', type: 'condition', config: { expression: 'input.ok' } }, output, { id: 'o2', type: 'output' }],
      edges: [
        { source: 'in', target: 'check' },
        { source: 'check', target: 'out', branch: 'true' },
        { source: 'check', target: 'o2', branch: 'true' },
        { source: 'check', target: 'out', branch: 'true' },
      ],
    };
    expect(problemsOf(definition)).toEqual([expect.objectContaining({ code: 'BRANCH_DUPLICATE', path: ['edges', 3], node_id: 'check' })]);
  });

  it('reports a branch on an edge whose source is not a condition', () => {
    const definition = { ...linear, edges: [{ source: 'in', target: 'double', branch: 'true' }, linear.edges[1]!] };
    expect(problemsOf(definition)).toEqual([
      expect.objectContaining({ code: 'BRANCH_NOT_ALLOWED', path: ['edges', 0, 'branch'], node_id: 'in' }),
    ]);
  });

  it('reports edges into the input node', () => {
    const definition = { ...linear, edges: [...linear.edges, { source: 'out', target: 'in' }] };
    expect(problemsOf(definition)).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'INPUT_HAS_INCOMING', path: ['edges', 2, 'target'], node_id: 'in' })]),
    );
  });

  it('reports missing and invalid config keys with their path inside config', () => {
    const problems = problemsOf(around({ id: 'ask', type: 'llm', config: { temperature: 5 } }, { id: 'shape', type: 'transform' }));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 1, 'config', 'prompt'], node_id: 'ask' }),
      expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 1, 'config', 'temperature'], node_id: 'ask' }),
      expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 2, 'config', 'expression'], node_id: 'shape' }),
    ]);
  });

  it('refuses an llm node as a local activity and accepts either kind for cheap nodes', () => {
    const problems = problemsOf(
      around(
        { id: 'ask', type: 'llm', config: { prompt: 'hi' }, activity: 'local' },
        { id: 'shape', type: 'transform', config: { expression: '1' }, activity: 'regular' },
        { id: 'pick', type: 'transform', config: { expression: '2' }, activity: 'local' },
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 1, 'activity'], node_id: 'ask' })]);
    expect(validateDefinition(around({ id: 'ask', type: 'llm', config: { prompt: 'hi' }, activity: 'regular' })).ok).toBe(true);
  });

  it('reports an unknown config key', () => {
    expect(problemsOf(around({ id: 'shape', type: 'transform', config: { expression: '1', expr: '2' } }))).toEqual([
      expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 1, 'config'] }),
    ]);
  });

  it.each([
    ['condition', 'expression'],
    ['transform', 'expression'],
    ['output', 'expression'],
  ])('reports a %s %s that does not parse as JSONata, with its position', (type, field) => {
    const problems = problemsOf(around({ id: 'n', type, config: { [field]: 'input.a +' } }));
    const syntax = problems.find((problem) => problem.code === 'EXPRESSION_SYNTAX');
    expect(syntax).toMatchObject({ path: ['nodes', 1, 'config', field], node_id: 'n', position: 9 });
  });

  it('reports llm messages that do not parse as JSONata', () => {
    const llm = { id: 'ask', type: 'llm', config: { prompt: 'hi', messages: '$append(messages' } };
    const problems = problemsOf(around(llm));
    expect(problems).toEqual([expect.objectContaining({ code: 'EXPRESSION_SYNTAX', path: ['nodes', 1, 'config', 'messages'] })]);
  });

  it('reports an unclosed or empty template in a prompt or system prompt', () => {
    const problems = problemsOf(around({ id: 'ask', type: 'llm', config: { system: 'You are {{ }}', prompt: 'Hello {{ input.name' } }));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_SYNTAX', path: ['nodes', 1, 'config', 'system'], position: 8 }),
      expect.objectContaining({ code: 'TEMPLATE_SYNTAX', path: ['nodes', 1, 'config', 'prompt'], position: 6 }),
    ]);
  });

  it('reports a template expression that does not parse, positioned within the template', () => {
    const problems = problemsOf(around({ id: 'ask', type: 'llm', config: { prompt: 'Hi {{  input.( }} there' } }));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX', path: ['nodes', 1, 'config', 'prompt'], node_id: 'ask' }),
    ]);
    expect(problems[0]!.position).toBeGreaterThanOrEqual(7);
  });

  it('accepts an escaped \\{{ in a prompt', () => {
    const llm = { id: 'ask', type: 'llm', config: { prompt: 'literal \\{{ braces' } };
    expect(validateDefinition(around(llm)).ok).toBe(true);
  });

  it('reports an input schema that is not a plausible JSON Schema', () => {
    const nodes = [{ ...input, config: { schema: { name: 'string' } } }, ...linear.nodes.slice(1)];
    const problems = problemsOf({ ...linear, nodes });
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_CONFIG', path: ['nodes', 0, 'config', 'schema'], node_id: 'in' })]);
  });

  it('points at the bad part of a nested input schema', () => {
    const schema = { type: 'object', properties: { age: { type: 'int' } }, required: 'age' };
    const problems = problemsOf({ ...linear, nodes: [{ ...input, config: { schema } }, ...linear.nodes.slice(1)] });
    expect(problems.map((problem) => problem.path)).toEqual([
      ['nodes', 0, 'config', 'schema', 'properties', 'age', 'type'],
      ['nodes', 0, 'config', 'schema', 'required'],
    ]);
  });

  it('returns every problem at once', () => {
    const codes = codesOf({
      nodes: [
        { id: 'a', type: 'transform', config: { expression: '(' } },
        { id: 'a', type: 'condition', config: {} },
        { id: 'b', type: 'llm', config: { prompt: '{{' } },
      ],
      edges: [
        { source: 'a', target: 'b', branch: 'false' },
        { source: 'b', target: 'a' },
        { source: 'b', target: 'zzz' },
      ],
    });
    expect(new Set(codes)).toEqual(
      new Set([
        'DUPLICATE_NODE_ID',
        'DANGLING_EDGE',
        'BRANCH_NOT_ALLOWED',
        'CYCLE',
        'INPUT_NODE_COUNT',
        'NO_OUTPUT_NODE',
        'INVALID_CONFIG',
        'EXPRESSION_SYNTAX',
        'TEMPLATE_SYNTAX',
      ]),
    );
  });

  it('reports a dozen different problems at once, each with its code, path and node id', () => {
    const problems = problemsOf({
      nodes: [
        { id: 'in', type: 'input' },
        { id: 'dup', type: 'transform', config: { expression: '1' } },
        { id: 'dup', type: 'warp' },
        { id: 'bad', type: 'transform', config: { expression: 'input.(' } },
        { id: 'island', type: 'transform', config: { expression: '2' } },
        { id: 'c', type: 'condition', config: { expression: 'true' } },
        { id: 'ask', type: 'llm', config: { prompt: 'hi {{ input.' } },
        { id: 'x', type: 'transform', config: {} },
        { id: 'y', type: 'transform', config: { expression: '3' } },
      ],
      edges: [
        { source: 'in', target: 'dup' },
        { source: 'dup', target: 'bad', branch: 'true' },
        { source: 'bad', target: 'ghost' },
        { source: 'in', target: 'c' },
        { source: 'c', target: 'ask' },
        { source: 'ask', target: 'in' },
        { source: 'x', target: 'y' },
        { source: 'y', target: 'x' },
      ],
    });
    const seen = problems.map(({ code, path, node_id }) => ({ code, path, node_id }));
    expect(seen).toEqual(
      expect.arrayContaining([
        { code: 'UNKNOWN_NODE_TYPE', path: ['nodes', 2, 'type'], node_id: 'dup' },
        { code: 'DUPLICATE_NODE_ID', path: ['nodes', 2, 'id'], node_id: 'dup' },
        { code: 'DANGLING_EDGE', path: ['edges', 2, 'target'], node_id: undefined },
        { code: 'BRANCH_NOT_ALLOWED', path: ['edges', 1, 'branch'], node_id: 'dup' },
        { code: 'BRANCH_MISSING', path: ['edges', 4], node_id: 'c' },
        { code: 'INPUT_HAS_INCOMING', path: ['edges', 5, 'target'], node_id: 'in' },
        { code: 'CYCLE', path: ['edges', 3], node_id: 'in' },
        { code: 'CYCLE', path: ['edges', 6], node_id: 'x' },
        { code: 'NO_OUTPUT_NODE', path: ['nodes'], node_id: undefined },
        { code: 'UNREACHABLE_NODE', path: ['nodes', 4], node_id: 'island' },
        { code: 'UNREACHABLE_NODE', path: ['nodes', 7], node_id: 'x' },
        { code: 'UNREACHABLE_NODE', path: ['nodes', 8], node_id: 'y' },
        { code: 'EXPRESSION_SYNTAX', path: ['nodes', 3, 'config', 'expression'], node_id: 'bad' },
        { code: 'TEMPLATE_SYNTAX', path: ['nodes', 6, 'config', 'prompt'], node_id: 'ask' },
        { code: 'INVALID_CONFIG', path: ['nodes', 7, 'config', 'expression'], node_id: 'x' },
      ]),
    );
    expect(new Set(seen.map((p) => p.code)).size).toBe(12);
  });

  it('reports a duplicate id even when the duplicate also has an unknown type', () => {
    const codes = codesOf({ ...linear, nodes: [...linear.nodes, { id: 'double', type: 'warp' }] });
    expect(codes.sort()).toEqual(['DUPLICATE_NODE_ID', 'UNKNOWN_NODE_TYPE']);
  });

  it('counts a malformed input or output node as the one it says it is', () => {
    const codes = codesOf({ nodes: [input, { id: 'out', type: 'output', colour: 'red' }], edges: [{ source: 'in', target: 'out' }] });
    expect(codes).toEqual(['INVALID_SHAPE']);
  });

  it('reaches nodes through a malformed node', () => {
    const codes = codesOf(around({ id: 'mystery', type: 'webhook' }, { id: 'after', type: 'transform', config: { expression: '1' } }));
    expect(codes).toEqual(['UNKNOWN_NODE_TYPE']);
  });

  it('reports too many nodes and too many edges against custom limits', () => {
    const problems = problemsOf(linear, { maxNodes: 2, maxEdges: 1 });
    expect(problems.map((problem) => problem.code)).toEqual(['LIMIT_NODES', 'LIMIT_EDGES']);
  });

  it('reports a definition larger than the size limit', () => {
    const big = around({ id: 'big', type: 'transform', config: { expression: `"${'x'.repeat(2_000)}"` } });
    expect(problemsOf(big, { maxBytes: 1_000 }).map((problem) => problem.code)).toEqual(['LIMIT_SIZE']);
  });

  it('rejects a 10,000-node definition quickly without the expensive checks', () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'transform',
      config: { expression: '(' },
    }));
    const edges = nodes.slice(1).map((node, i) => ({ source: `n${i}`, target: node.id }));
    const started = performance.now();
    const problems = problemsOf({ nodes, edges });
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems.map((problem) => problem.code)).toEqual(['LIMIT_NODES', 'LIMIT_EDGES']);
  });

  it('uses 500 nodes, 2000 edges and 1 MiB as default limits', () => {
    expect(DEFAULT_DEFINITION_LIMITS).toEqual({ maxNodes: 500, maxEdges: 2000, maxBytes: 1_048_576 });
  });

  it('accepts every example definition in docs/definition.md', () => {
    const markdown = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'definition.md'), 'utf8');
    const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]!));
    const examples = blocks.filter((block) => 'nodes' in block);
    expect(examples).toHaveLength(3);
    for (const example of examples) expect(validateDefinition(example)).toMatchObject({ ok: true });
  });

  it('only emits codes from the published list', () => {
    const codes = codesOf({ nodes: [{ id: 'x', type: 'nope' }, input], edges: [{ source: 'x', target: 'y' }] });
    for (const code of codes) expect(DEFINITION_PROBLEM_CODES).toContain(code);
  });
});

describe('reserved node ids', () => {
  it('rejects ids that name Object prototype members', () => {
    const result = validateDefinition({
      nodes: [
        { id: '__proto__', type: 'input', config: {} },
        { id: 'constructor', type: 'output', config: {} },
      ],
      edges: [{ source: '__proto__', target: 'constructor' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.filter((p) => /reserved/.test(p.message))).toHaveLength(2);
  });
});
