import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { DefinitionProblem } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconChat, IconSpinner } from '../../ui/icons';
import { StatusBadge } from '../../ui/StatusBadge';
import type { GraphNodeView } from '../../ui/graph/WorkflowGraph';
import type { DefinitionEditorHandle } from './DefinitionEditor';
import { definitionProblems, parseDraft, problemNode } from './definition-draft';
import { ProblemList } from './ProblemList';
import { STARTER_DEFINITION, STARTER_INPUT } from './starter-definition';
import { StartRunPanel } from './StartRunPanel';
import { useSaveWorkflow, useWorkflow, useWorkflowRuns } from './use-workflows';
import './workflows.css';

const DefinitionEditor = lazy(() => import('./DefinitionEditor'));
const WorkflowGraph = lazy(() => import('../../ui/graph/WorkflowGraph'));

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Create or edit a workflow: JSON editor with schema completion, live graph preview, problems, runs. */
export default function WorkflowEditorPage() {
  const id = useParams().id;
  const workflow = useWorkflow(id);
  const save = useSaveWorkflow(id);
  const navigate = useNavigate();
  const editor = useRef<DefinitionEditorHandle>(null);
  const [name, setName] = useState(id ? '' : 'Untitled workflow');
  const [description, setDescription] = useState('');
  const [text, setText] = useState(id ? '' : pretty(STARTER_DEFINITION));
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);

  // Load the saved workflow into the draft once (and again after each save).
  useEffect(() => {
    const w = workflow.data;
    if (!w || loadedVersion === w.version) return;
    setName(w.name);
    setDescription(w.description ?? '');
    setText(pretty(w.definition));
    setLoadedVersion(w.version);
  }, [workflow.data, loadedVersion]);

  const draft = useMemo(() => parseDraft(text), [text]);
  const problems = useMemo(() => definitionProblems(save.error), [save.error]);
  const views = useMemo(() => {
    const byNode: Record<string, GraphNodeView> = {};
    for (const problem of problems) {
      const node = problemNode(problem, draft.definition);
      if (node) (byNode[node] ??= { problems: [] }).problems!.push(`${problem.code}: ${problem.message}`);
    }
    return byNode;
  }, [problems, draft.definition]);

  const saved = workflow.data;
  const dirty = !saved || name !== saved.name || description !== (saved.description ?? '') || text !== pretty(saved.definition);
  const canSave = !draft.parseError && name.trim().length > 0 && dirty && !save.isPending;

  const onSave = () => {
    if (!canSave) return;
    save.mutate(
      { name: name.trim(), description: description.trim(), definition: draft.definition },
      {
        onSuccess: (w) => {
          setLoadedVersion(null);
          if (!id) void navigate(`/workflows/${encodeURIComponent(w.id)}`, { replace: true });
        },
      },
    );
  };
  const reveal = (problem: DefinitionProblem) => editor.current?.reveal(problem.path);

  if (id && workflow.isPending)
    return (
      <div className="page loading" role="status">
        <IconSpinner /> Loading the workflow…
      </div>
    );
  if (id && workflow.isError) {
    return (
      <div className="page">
        <Link to="/workflows" className="small">
          ← Workflows
        </Link>
        <ErrorNotice error={workflow.error} title="Could not load this workflow" onRetry={() => void workflow.refetch()} />
      </div>
    );
  }

  return (
    <div className="page workflow-editor">
      <nav aria-label="Breadcrumb" className="small">
        <Link to="/workflows">Workflows</Link> <span className="muted">/</span> {saved?.name ?? 'New workflow'}
      </nav>
      <header className="page-header">
        <div style={{ minWidth: 0 }}>
          <h1>
            {saved ? saved.name : 'New workflow'} {saved && <span className="badge badge-neutral">v{saved.version}</span>}
          </h1>
          <div className="subtitle">
            {saved ? `Saved ${formatDateTime(saved.updated_at)}${dirty ? ' · unsaved changes' : ''}` : 'Not saved yet'}
          </div>
        </div>
        <div className="actions">
          {saved && (
            <Link to={`/test-chat?workflow=${encodeURIComponent(saved.id)}`} className="button">
              <IconChat /> Test chat
            </Link>
          )}
          <button type="button" className="button button-primary" onClick={onSave} disabled={!canSave}>
            {save.isPending ? 'Saving…' : saved ? 'Save new version' : 'Create workflow'}
          </button>
        </div>
      </header>
      <div className="editor-fields">
        <div className="field">
          <label htmlFor="wf-name">Name</label>
          <input id="wf-name" className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="wf-description">Description</label>
          <input
            id="wf-description"
            className="input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={2000}
            placeholder="What this workflow does"
          />
        </div>
      </div>
      {save.isError && problems.length === 0 && <ErrorNotice error={save.error} title="Could not save" />}
      {save.isSuccess && !dirty && (
        <p className="notice notice-info" role="status">
          Saved as version {save.data.version}.
        </p>
      )}
      <div className="editor-main">
        <section className="card editor-card" aria-label="Definition">
          <header className="card-header">
            <h2>Definition</h2>
            <span className="muted small">JSON · Ctrl-Space completes from the schema</span>
          </header>
          <div className="editor-host">
            <Suspense
              fallback={
                <div className="loading card-body" role="status">
                  <IconSpinner /> Loading the editor…
                </div>
              }
            >
              <DefinitionEditor ref={editor} value={text} onChange={setText} problems={problems} label="Workflow definition (JSON)" />
            </Suspense>
          </div>
          {draft.parseError && (
            <p className="notice notice-error editor-parse-error" role="alert">
              <code className="error-code">INVALID_JSON</code> {draft.parseError}
            </p>
          )}
        </section>
        <section className="card preview-card" aria-label="Graph preview">
          <header className="card-header">
            <h2>Preview</h2>
            <span className="muted small">
              {draft.nodes.length} nodes · {draft.edges.length} edges
            </span>
          </header>
          <div className="preview-host">
            <Suspense
              fallback={
                <div className="loading card-body" role="status">
                  <IconSpinner /> Drawing…
                </div>
              }
            >
              {draft.nodes.length > 0 ? (
                <WorkflowGraph nodes={draft.nodes} edges={draft.edges} views={views} label="Preview of the definition" direction="auto" />
              ) : (
                <p className="muted card-body">No nodes to draw yet.</p>
              )}
            </Suspense>
          </div>
        </section>
      </div>
      {problems.length > 0 && <ProblemList problems={problems} nodeOf={(p) => problemNode(p, draft.definition)} onReveal={reveal} />}
      <div className="editor-bottom">
        <StartRunPanel
          workflowId={saved?.id}
          disabledReason={
            !saved ? 'Create the workflow to run it.' : dirty ? 'Save your changes first: a run uses the saved version.' : undefined
          }
          initialInput={pretty(STARTER_INPUT)}
        />
        {saved && <RecentRuns workflowId={saved.id} />}
      </div>
    </div>
  );
}

/** The workflow's latest runs and the version each ran. */
function RecentRuns({ workflowId }: { workflowId: string }) {
  const runs = useWorkflowRuns(workflowId);
  return (
    <section className="card" aria-label="Recent runs">
      <header className="card-header">
        <h2>Recent runs</h2>
        <Link to={`/runs?workflow=${encodeURIComponent(workflowId)}`} className="small" style={{ marginLeft: 'auto' }}>
          All runs →
        </Link>
      </header>
      {runs.isError ? (
        <div className="card-body">
          <ErrorNotice error={runs.error} />
        </div>
      ) : !runs.data?.items.length ? (
        <p className="muted card-body">{runs.isPending ? 'Loading…' : 'No runs yet.'}</p>
      ) : (
        <ul className="recent-runs">
          {runs.data.items.map((run) => (
            <li key={run.id}>
              <Link to={`/runs/${encodeURIComponent(run.id)}`} className="recent-run">
                <StatusBadge status={run.status} />
                <span className="badge badge-neutral">v{run.workflow_version}</span>
                <span className="muted small">{formatDateTime(run.created_at)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
