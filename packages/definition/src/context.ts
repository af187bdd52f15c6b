/** What expressions and prompt templates can read while a node runs. */
export interface ExpressionContext {
  input: unknown;
  nodes: Record<string, unknown>;
  variables: Record<string, unknown>;
  execution: { id: string; workflow_id: string };
  /** Chat turns so far, when the run belongs to a test session. */
  messages?: Array<{ role: 'user' | 'assistant'; content: string }>;
}
