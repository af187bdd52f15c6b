import { validateDefinition } from './validate';

/** input → llm → output, with the given input `schema` and llm `json_schema`. */
function definitionWith(schema: unknown, jsonSchema?: unknown) {
  const llm = { prompt: 'hi', response_format: 'json', ...(jsonSchema !== undefined && { json_schema: jsonSchema }) };
  return {
    nodes: [
      { id: 'in', type: 'input', config: { schema } },
      { id: 'ask', type: 'llm', config: llm },
      { id: 'out', type: 'output' },
    ],
    edges: [
      { source: 'in', target: 'ask' },
      { source: 'ask', target: 'out' },
    ],
  };
}

const problemsOf = (raw: unknown) => {
  const result = validateDefinition(raw);
  return result.ok ? [] : result.problems;
};

describe('JSON Schemas in node configs', () => {
  it('accepts schemas using the keywords of draft 2020-12', () => {
    const schema = {
      $defs: { id: { type: 'string', pattern: '^[a-z]+-\\d+$' } },
      type: 'object',
      properties: {
        id: { $ref: '#/$defs/id' },
        email: { type: 'string', format: 'email' },
        kind: { oneOf: [{ const: 'a' }, { const: 'b' }] },
      },
    };
    expect(problemsOf(definitionWith(schema, { type: 'object', required: ['answer'] }))).toEqual([]);
  });

  it('refuses a pattern RE2 cannot run, naming the node and the reason', () => {
    const schema = { type: 'object', properties: { word: { type: 'string', pattern: '^(\\w)\\1$' } } };
    expect(problemsOf(definitionWith(schema))).toEqual([
      {
        code: 'INVALID_CONFIG',
        path: ['nodes', 0, 'config', 'schema'],
        node_id: 'in',
        message: expect.stringMatching(
          /^nodes\[0\]\.config\.schema: not a usable JSON Schema: pattern .* cannot run in linear time \(RE2\)/,
        ),
      },
    ]);
  });

  it('refuses unknown keywords and formats, and references that resolve nowhere, in an llm json_schema too', () => {
    const problems = problemsOf(definitionWith({ type: 'string', format: 'phone' }, { $ref: '#/$defs/reply' }));
    expect(
      problems.map(({ node_id, path, message }) => [node_id, path.join('.'), message.replace(/^.*?: not a usable JSON Schema: /, '')]),
    ).toEqual([
      ['in', 'nodes.0.config.schema', expect.stringContaining('unknown format "phone"')],
      ['ask', 'nodes.1.config.json_schema', expect.stringContaining("can't resolve reference #/$defs/reply")],
    ]);
  });

  it('points into the schema where the meta-schema refuses a value', () => {
    const problems = problemsOf(definitionWith({ type: 'object', properties: { n: { type: 'integer', minimum: 'zero' } } }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        path: ['nodes', 0, 'config', 'schema', 'properties', 'n', 'minimum'],
        node_id: 'in',
      }),
    ]);
  });
});
