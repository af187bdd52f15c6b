import { useWorkflowList } from '../../api/workflow-list';
import { statusLabel } from '../../ui/StatusBadge';
import { STATUS_OPTIONS, TIME_RANGES, type RunFilters, type TimeRange } from './run-filters';

/** Status, workflow, time range and test-run filters. */
export function RunFiltersBar({ filters, onChange }: { filters: RunFilters; onChange: (next: RunFilters) => void }) {
  const workflows = useWorkflowList();
  return (
    <div className="filters" role="search" aria-label="Filter runs">
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          className="input"
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as RunFilters['status'] })}
        >
          <option value="">All statuses</option>
          {STATUS_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-workflow">Workflow</label>
        <select
          id="filter-workflow"
          className="input"
          value={filters.workflowId}
          onChange={(e) => onChange({ ...filters, workflowId: e.target.value })}
        >
          <option value="">All workflows</option>
          {workflows.data?.items.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-range">Started</label>
        <select
          id="filter-range"
          className="input"
          value={filters.range}
          onChange={(e) => onChange({ ...filters, range: e.target.value as TimeRange })}
        >
          {TIME_RANGES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox filter-test">
        <input type="checkbox" checked={filters.includeTest} onChange={(e) => onChange({ ...filters, includeTest: e.target.checked })} />
        Include test runs
      </label>
    </div>
  );
}
