/** A small valid workflow: the request examples of the reference and the first cases a contract tester sends. */
export const HELLO_WORKFLOW = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'greet', type: 'transform', config: { expression: '{"greeting": "Hello, " & input.name & "!"}' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'greet' },
    { source: 'greet', target: 'out' },
  ],
};
