import type { ExecutionStatus } from './status';
import type { Usage } from './usage';

/** A run's move to a status, as the workflow asks for it and the database records it with its event. */
export interface StatusChangeRequest {
  status: ExecutionStatus;
  /** Makes the write idempotent across retries: one event per key. */
  eventKey: string;
  eventType: string;
  message: string;
  runId?: string;
  output?: unknown;
  error?: { code: string; message: string; node_id?: string; details?: unknown };
  usage?: Usage;
}
