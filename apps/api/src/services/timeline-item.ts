/** Where a timeline entry comes from: our execution events in Postgres, or the run's Temporal history. */
export type TimelineSource = 'platform' | 'temporal';

/** One entry of `GET /executions/:id/history`. */
export interface TimelineItem {
  timestamp: string;
  source: TimelineSource;
  event: string;
  status?: string;
  node_id?: string;
  message: string;
  data?: unknown;
}
