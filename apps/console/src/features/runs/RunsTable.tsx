import { Link, useNavigate } from 'react-router-dom';
import type { Execution } from '../../api/types';
import { formatCount, formatDateTime, formatDuration, formatRelative, isLive, runDuration, shortId } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { StatusBadge } from '../../ui/StatusBadge';

/** Ticked runs, for bulk actions (the table only shows and changes them). */
interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

/** One row per run: status, workflow and version, started, duration, tokens, current node. Rows open the run. */
export function RunsTable({ runs, selection }: { runs: Execution[]; selection?: Selection }) {
  const allTicked = runs.length > 0 && runs.every((r) => selection?.selected.has(r.id));
  const now = useNow(runs.some((r) => isLive(r.status)));
  const navigate = useNavigate();
  return (
    <table className="table runs-table">
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="run-select">
              <input
                type="checkbox"
                aria-label="Select every run shown"
                checked={allTicked}
                onChange={() =>
                  selection.setAll(
                    runs.map((r) => r.id),
                    !allTicked,
                  )
                }
              />
            </th>
          )}
          <th scope="col">Status</th>
          <th scope="col">Workflow</th>
          <th scope="col">Started</th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col" className="num">
            Tokens
          </th>
          <th scope="col">Current node</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr
            key={run.id}
            className="clickable"
            data-run-id={run.id}
            data-status={run.status}
            onClick={() => navigate(`/runs/${encodeURIComponent(run.id)}`)}
          >
            {selection && (
              <td data-label="Select" className="run-select" onClick={(e) => e.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={`Select run ${run.id}`}
                  checked={selection.selected.has(run.id)}
                  onChange={() => selection.toggle(run.id)}
                />
              </td>
            )}
            <td data-label="Status">
              <StatusBadge status={run.status} />
            </td>
            <td data-label="Workflow" className="run-workflow">
              <Link to={`/runs/${encodeURIComponent(run.id)}`} onClick={(e) => e.stopPropagation()} className="run-link">
                {run.workflow_name}
              </Link>
              <span className="badge badge-neutral">v{run.workflow_version}</span>
              {run.is_test && <span className="badge badge-neutral">test</span>}
              {run.rerun_of && (
                <span className="badge badge-neutral" title={`Re-run of ${run.rerun_of}`}>
                  re-run
                </span>
              )}
              <div className="muted small mono" title={run.id}>
                {shortId(run.id)}
              </div>
            </td>
            <td data-label="Started" title={formatDateTime(run.started_at ?? run.created_at)}>
              {formatRelative(run.started_at ?? run.created_at, now)}
            </td>
            <td data-label="Duration" className="num">
              {formatDuration(runDuration(run, now))}
            </td>
            <td data-label="Tokens" className="num">
              {formatCount(run.usage?.total_tokens)}
            </td>
            <td data-label="Current node">
              {run.current_nodes.length ? <span className="mono">{run.current_nodes.join(', ')}</span> : <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
