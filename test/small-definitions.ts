/** in → out: the smallest workflow, for tests about starts rather than what runs. */
export const passThroughDefinition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [{ source: 'in', target: 'out' }],
};
