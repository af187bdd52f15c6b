/** in → ask (human) → out: a run that stays live, cheaply, until answered or ended. */
export const waitingDefinition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'ask', type: 'human', config: { prompt: 'go?' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'ask' },
    { source: 'ask', target: 'out' },
  ],
};
