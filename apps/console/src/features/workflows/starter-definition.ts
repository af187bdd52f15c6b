/** What a new workflow starts from: input → LLM → output, ready to run against the configured provider. */
export const STARTER_DEFINITION = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'answer', type: 'llm', config: { prompt: 'Answer briefly: {{ input.question }}' } },
    { id: 'out', type: 'output', config: { expression: '{"answer": nodes.answer.text}' } },
  ],
  edges: [
    { source: 'in', target: 'answer' },
    { source: 'answer', target: 'out' },
  ],
};

export const STARTER_INPUT = { question: 'What is Temporal?' };
