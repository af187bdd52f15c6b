import type { ExecutionStatus } from '../../api/types';

/** The runs page's filters, kept in the URL so a filtered view can be shared. */
export interface RunFilters {
  status: ExecutionStatus | '';
  workflowId: string;
  range: TimeRange;
  includeTest: boolean;
}

export const TIME_RANGES = [
  { id: 'any', label: 'Any time', ms: 0 },
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;
export type TimeRange = (typeof TIME_RANGES)[number]['id'];

export const STATUS_OPTIONS: ExecutionStatus[] = [
  'pending',
  'running',
  'paused',
  'completed',
  'failed',
  'stopped',
  'cancelled',
  'timed_out',
  'terminated',
];

export function readFilters(params: URLSearchParams): RunFilters {
  const range = params.get('range');
  return {
    status: (STATUS_OPTIONS as string[]).includes(params.get('status') ?? '') ? (params.get('status') as ExecutionStatus) : '',
    workflowId: params.get('workflow') ?? '',
    range: TIME_RANGES.some((r) => r.id === range) ? (range as TimeRange) : 'any',
    includeTest: params.get('test') === '1',
  };
}

export function writeFilters(filters: RunFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.workflowId) params.set('workflow', filters.workflowId);
  if (filters.range !== 'any') params.set('range', filters.range);
  if (filters.includeTest) params.set('test', '1');
  return params;
}

/** The list endpoint's query for these filters; the time range is turned into `created_after` when asked. */
export function toListQuery(filters: RunFilters, now: number) {
  const ms = TIME_RANGES.find((r) => r.id === filters.range)?.ms ?? 0;
  return {
    status: filters.status || undefined,
    workflow_id: filters.workflowId || undefined,
    created_after: ms ? new Date(now - ms).toISOString() : undefined,
    include_test: filters.includeTest ? true : undefined,
  };
}
