/** Minimal HTTP calls the scenarios make against the running API. */
export interface BenchApi {
  createWorkflow(name: string, definition: unknown): Promise<string>;
  /** POST /executions (async); returns the new execution id. */
  startExecution(workflowId: string): Promise<string>;
}

export function benchApi(baseUrl: string, token: string): BenchApi {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const post = async (path: string, body: unknown, expected: number) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json()) as { id: string };
    if (res.status !== expected) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    createWorkflow: async (name, definition) => (await post('/workflows', { name, definition }, 201)).id,
    startExecution: async (workflowId) => (await post('/executions', { workflow_id: workflowId, input_data: {}, mode: 'async' }, 202)).id,
  };
}

/** A linear chain input → (length − 2) no-op transforms → output; `activity` as in the definition (default local). */
export function chainDefinition(length: number, activity: 'local' | 'regular' = 'local') {
  const nodes: Array<{ id: string; type: string; config: Record<string, unknown>; activity: string }> = [
    { id: 'n0', type: 'input', config: {}, activity },
  ];
  for (let i = 1; i < length - 1; i++) nodes.push({ id: `n${i}`, type: 'transform', config: { expression: '1' }, activity });
  nodes.push({ id: `n${length - 1}`, type: 'output', config: {}, activity });
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i]!.id, target: n.id }));
  return { nodes, edges };
}
