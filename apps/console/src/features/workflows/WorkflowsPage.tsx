import { Link } from 'react-router-dom';
import type { Workflow } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconChat, IconPlus, IconSpinner } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkflows } from './use-workflows';
import './workflows.css';

const nodeCount = (w: Workflow) => ((w.definition as { nodes?: unknown[] } | null)?.nodes ?? []).length;

/** The user's workflows: open one to edit, run or test it. */
export default function WorkflowsPage() {
  const workflows = useWorkflows();
  return (
    <div className="page">
      <PageHeader
        title="Workflows"
        subtitle="Graphs of input, LLM, condition, transform and output nodes"
        actions={
          <Link to="/workflows/new" className="button button-primary">
            <IconPlus /> New workflow
          </Link>
        }
      />
      {workflows.isPending ? (
        <div className="card empty loading" role="status">
          <IconSpinner /> Loading workflows…
        </div>
      ) : workflows.isError ? (
        <ErrorNotice error={workflows.error} title="Could not load workflows" onRetry={() => void workflows.refetch()} />
      ) : workflows.data.items.length === 0 ? (
        <div className="card empty">
          <h2>No workflows yet</h2>
          <p>
            <Link to="/workflows/new">Create your first workflow</Link> from a starter graph.
          </p>
        </div>
      ) : (
        <ul className="workflow-grid" aria-label="Workflows">
          {workflows.data.items.map((w) => (
            <li key={w.id} className="card workflow-card">
              <div className="workflow-card-top">
                <Link to={`/workflows/${encodeURIComponent(w.id)}`} className="workflow-name">
                  {w.name}
                </Link>
                <span className="badge badge-neutral">v{w.version}</span>
              </div>
              <p className="muted workflow-description">{w.description || 'No description'}</p>
              <div className="row small muted">
                <span>{nodeCount(w)} nodes</span>
                <span aria-hidden="true">·</span>
                <span>updated {formatDateTime(w.updated_at)}</span>
              </div>
              <div className="row workflow-card-actions">
                <Link to={`/workflows/${encodeURIComponent(w.id)}`} className="button button-small">
                  Edit &amp; run
                </Link>
                <Link to={`/runs?workflow=${encodeURIComponent(w.id)}`} className="button button-small button-ghost">
                  Runs
                </Link>
                <Link
                  to={`/test-chat?workflow=${encodeURIComponent(w.id)}`}
                  className="button button-small button-ghost"
                  aria-label={`Test ${w.name} in chat`}
                >
                  <IconChat /> Test chat
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
