/** in → double (fails without input.n) → out: a run that fails on bad input and completes when re-run with `n`. */
export const doublingDefinition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'double', type: 'transform', config: { expression: '$exists(input.n) ? input.n * 2 : $error("n is required")' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'double' },
    { source: 'double', target: 'out' },
  ],
};
