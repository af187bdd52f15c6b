import { isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { listEvents, temporalWorkflowIdOf, type Database, type Execution, type ExecutionEvent } from '@trellis/db';
import { toPlatformTimelineItem } from '../events/event-dto';
import type { ApiDeps } from '../deps';
import { temporalTimelineItems } from './temporal-history-items';
import type { TimelineItem, TimelineSource } from './timeline-item';
import { withTemporalDeadline } from './temporal-deadline';

const PAGE = 1_000;
const MAX_PLATFORM_EVENTS = 20_000;
const GRPC_NOT_FOUND = 5;

/**
 * The execution's timeline in time order: its creation and every event we recorded (source "platform")
 * merged with the Temporal run's history (source "temporal"); `source` keeps only one of them.
 * A run Temporal no longer knows (never started, or past retention) contributes nothing.
 */
export async function buildExecutionTimeline(deps: ApiDeps, execution: Execution, source?: TimelineSource): Promise<TimelineItem[]> {
  const [platform, temporal] = await Promise.all([
    source === 'temporal' ? [] : platformItems(deps.database.db, execution),
    source === 'platform' ? [] : temporalItems(deps, execution),
  ]);
  return mergeByTime(platform, temporal);
}

async function platformItems(db: Database, execution: Execution): Promise<TimelineItem[]> {
  const created: TimelineItem = {
    timestamp: execution.createdAt.toISOString(),
    source: 'platform',
    event: 'execution.created',
    status: 'pending',
    message: 'execution created',
    data: { workflow_id: execution.workflowId, workflow_version: execution.workflowVersion, mode: execution.mode },
  };
  const events: ExecutionEvent[] = [];
  for (let afterSeq = 0; events.length < MAX_PLATFORM_EVENTS;) {
    const page = await listEvents(db, { executionId: execution.id, afterSeq, limit: PAGE });
    events.push(...page);
    if (page.length < PAGE) break;
    afterSeq = page.at(-1)!.seq;
  }
  return [created, ...events.map(toPlatformTimelineItem)];
}

async function temporalItems(deps: ApiDeps, execution: Execution): Promise<TimelineItem[]> {
  try {
    const handle = deps.temporal.workflow.getHandle(temporalWorkflowIdOf(execution), execution.temporalRunId ?? undefined);
    const history = await withTemporalDeadline(deps, () => handle.fetchHistory());
    return temporalTimelineItems(history.events ?? []);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return [];
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return [];
    throw error;
  }
}

/** Merges by timestamp; the sort is stable, so on a tie the platform entry comes first. */
function mergeByTime(platform: TimelineItem[], temporal: TimelineItem[]): TimelineItem[] {
  const time = (item: TimelineItem) => Date.parse(item.timestamp);
  return [...platform, ...temporal].sort((a, b) => time(a) - time(b));
}
