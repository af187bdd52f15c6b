import type { Database, EventAnnouncer } from '@trellis/db';
import type { ExpressionEvaluator, LlmProviderRegistry } from '@trellis/executors';
import type { Logger } from 'pino';

/** What the graph activities (single nodes and chains) are built from: the worker wires it once. */
export interface ActivityDeps {
  db: Database;
  /** Announces what each committed write appended, after its commit. */
  announcer: EventAnnouncer;
  llm: LlmProviderRegistry;
  /** Evaluates expressions and templates: the worker's sandbox pool. */
  expressions: ExpressionEvaluator;
  /** Largest node output, as JSON in bytes (NODE_OUTPUT_MAX_BYTES); a larger one fails the node with OUTPUT_TOO_LARGE. */
  maxOutputBytes: number;
  log: Logger;
}
