import { Link } from 'react-router-dom';
import type { ExecutionDetail } from '../../api/types';
import { formatDateTime, shortId } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { IconRefresh } from './rerun-icons';
import { useRerunsOf } from './use-reruns';
import './reruns.css';

const runLink = (id: string) => `/runs/${encodeURIComponent(id)}`;

/** Where this run came from (`rerun_of`, from which node) and the runs re-run from it; nothing when it has neither. */
export function RunLineage({ run }: { run: ExecutionDetail }) {
  const reruns = useRerunsOf(run.id);
  const children = reruns.data?.items ?? [];
  if (!run.rerun_of && !children.length) return null;
  return (
    <nav className="run-lineage small" aria-label="Lineage">
      {run.rerun_of && (
        <p>
          <IconRefresh /> Re-run of{' '}
          <Link to={runLink(run.rerun_of)} className="mono">
            {shortId(run.rerun_of)}
          </Link>
          {run.rerun_from_node ? (
            <>
              {' '}
              from{' '}
              {run.rerun_from_node === 'failed' ? (
                'its failed nodes'
              ) : (
                <>
                  node <span className="mono">{run.rerun_from_node}</span>
                </>
              )}
            </>
          ) : (
            ' (whole run)'
          )}
        </p>
      )}
      {children.length > 0 && (
        <div className="run-lineage-children">
          <span>Re-run{children.length === 1 ? '' : 's'} of this run:</span>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <Link to={runLink(child.id)} className="mono" aria-label={`Re-run ${child.id}`}>
                  {shortId(child.id)}
                </Link>{' '}
                <StatusBadge status={child.status} /> <span className="muted">{formatDateTime(child.created_at)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}
