import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { EdgeDefinition, ExecutionEvent, NodeDefinition, WorkflowDefinition } from '../../api/types';
import { formatCount, formatDateTime, formatDuration, isLive, runDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconExternal, IconSpinner } from '../../ui/icons';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { StatusBadge } from '../../ui/StatusBadge';
import { Tabs } from '../../ui/Tabs';
import { RerunActions, RerunFromNode } from '../reruns/RerunActions';
import { RunLineage } from '../reruns/RunLineage';
import { WaitAnswerPanel } from '../waits/WaitAnswerPanel';
import { LogsTab } from './LogsTab';
import { NodeInspector } from './NodeInspector';
import { NodeList } from './NodeList';
import { nodeViews } from './node-states';
import { RunControls } from './RunControls';
import { RunDataTab } from './RunDataTab';
import { TimelineTab } from './TimelineTab';
import { runKeys, useRun, useRunNodes, useRunWorkflow } from './use-run';
import { useRunEvents, type NodeTokens } from './use-run-events';
import './run-detail.css';

const WorkflowGraph = lazy(() => import('../../ui/graph/WorkflowGraph'));

type TabId = 'timeline' | 'logs' | 'data';
const TABS: { id: TabId; label: string }[] = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'logs', label: 'Logs' },
  { id: 'data', label: 'Run input & output' },
];
const NO_EVENTS: ExecutionEvent[] = [];

/** One run: its graph with live node states, the selected node's data, controls, timeline and logs. */
export default function RunDetailPage() {
  const id = useParams().id!;
  const run = useRun(id);
  const records = useRunNodes(id);
  const workflow = useRunWorkflow(run.data?.workflow_id);
  const live = useRunEvents(id, run.isSuccess);
  const events = useQuery<ExecutionEvent[]>({
    queryKey: runKeys.events(id),
    queryFn: () => NO_EVENTS,
    enabled: false,
    initialData: NO_EVENTS,
  }).data;
  const tokens = useQuery<NodeTokens>({ queryKey: runKeys.tokens(id), queryFn: () => ({}), enabled: false, initialData: {} }).data;
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('timeline');
  const now = useNow(!!run.data && isLive(run.data.status));

  const definition = workflow.data?.definition as WorkflowDefinition | undefined;
  const graph = useMemo(() => graphOf(definition, records.data ? [...records.data.values()] : []), [definition, records.data]);
  const views = useMemo(
    () =>
      nodeViews(
        graph.nodes.map((n) => n.id),
        events,
        records.data,
        run.data?.status ?? 'pending',
      ),
    [graph.nodes, events, records.data, run.data?.status],
  );
  const onSelect = useCallback((nodeId: string) => setSelected(nodeId), []);

  if (run.isPending)
    return (
      <div className="page loading" role="status">
        <IconSpinner /> Loading the run…
      </div>
    );
  if (run.isError) {
    return (
      <div className="page">
        <Link to="/runs" className="small">
          ← Runs
        </Link>
        <ErrorNotice error={run.error} title="Could not load this run" onRetry={() => void run.refetch()} />
      </div>
    );
  }
  const r = run.data;
  const selectedId = selected ?? r.current_nodes[0] ?? graph.nodes[0]?.id ?? null;
  const versionNote =
    workflow.data && workflow.data.version !== r.workflow_version
      ? `The graph shows version ${workflow.data.version} of the workflow; this run used version ${r.workflow_version}.`
      : workflow.isError
        ? 'The workflow is no longer available: the graph shows the nodes this run recorded, without their edges.'
        : null;

  return (
    <div className="page run-detail">
      <nav aria-label="Breadcrumb" className="small">
        <Link to="/runs">Runs</Link> <span className="muted">/</span> <span className="mono">{r.id}</span>
      </nav>
      <header className="run-header">
        <div className="run-title">
          <h1>
            {r.workflow_name} <span className="badge badge-neutral">v{r.workflow_version}</span>
          </h1>
          <div className="row">
            <StatusBadge status={r.status} />
            {r.is_test && <span className="badge badge-neutral">test run</span>}
            {(isLive(r.status) || live !== 'closed') && <LiveIndicator state={live} />}
          </div>
          <RunLineage run={r} />
        </div>
        <div className="run-actions">
          <RunControls id={id} status={r.status} />
          <RerunActions run={r} edges={graph.edges} records={records.data} />
          <a href={r.debug_url} target="_blank" rel="noreferrer noopener" className="button button-small button-ghost">
            <IconExternal /> Open in Temporal UI
          </a>
        </div>
      </header>
      <dl className="facts run-facts card">
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(r.started_at ?? r.created_at)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(runDuration(r, now))}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{formatCount(r.usage?.total_tokens)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>{Math.round(r.progress * 100)}%</dd>
        </div>
        <div>
          <dt>Current node</dt>
          <dd className="mono">{r.current_nodes.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{r.mode}</dd>
        </div>
      </dl>
      {r.error && (
        <div className="notice notice-error" role="alert">
          <strong>Run failed: </strong>
          <code className="error-code">{r.error.code}</code> {r.error.message}
        </div>
      )}
      {versionNote && <p className="notice notice-info">{versionNote}</p>}
      <div className="run-main">
        <section className="card graph-card" aria-label="Workflow graph">
          <Suspense
            fallback={
              <div className="loading graph-loading" role="status">
                <IconSpinner /> Drawing the graph…
              </div>
            }
          >
            {graph.nodes.length > 0 && (
              <WorkflowGraph
                nodes={graph.nodes}
                edges={graph.edges}
                views={views}
                selectedId={selectedId}
                onSelect={onSelect}
                label={`Graph of ${r.workflow_name}`}
                direction="auto"
              />
            )}
          </Suspense>
        </section>
        <aside className="card inspector-card" aria-label="Selected node">
          {selectedId && <WaitAnswerPanel executionId={id} nodeId={selectedId} nodeState={views[selectedId]?.state} />}
          {selectedId && <RerunFromNode run={r} nodeId={selectedId} edges={graph.edges} records={records.data} />}
          {selectedId ? (
            <NodeInspector
              nodeId={selectedId}
              definition={graph.nodes.find((n) => n.id === selectedId)}
              record={records.data?.get(selectedId)}
              view={views[selectedId]}
              tokens={tokens[selectedId]}
            />
          ) : (
            <p className="muted card-body">Select a node to see its data.</p>
          )}
          {records.isError && <ErrorNotice error={records.error} title="Could not load node records" />}
        </aside>
      </div>
      <details className="card node-list-card">
        <summary>All nodes ({graph.nodes.length})</summary>
        <NodeList nodes={graph.nodes} views={views} selectedId={selectedId} onSelect={onSelect} />
      </details>
      <section className="card">
        <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Run details" idPrefix="run" />
        <div className="card-body" role="tabpanel" id={`run-panel-${tab}`} aria-labelledby={`run-tab-${tab}`}>
          {tab === 'timeline' && <TimelineTab id={id} />}
          {tab === 'logs' && <LogsTab id={id} />}
          {tab === 'data' && <RunDataTab run={r} />}
        </div>
      </section>
    </div>
  );
}

/** The definition's nodes and edges, plus any recorded node the definition does not have (an older version). */
function graphOf(
  definition: WorkflowDefinition | undefined,
  records: { node_id: string; node_type: string }[],
): { nodes: Pick<NodeDefinition, 'id' | 'type' | 'name' | 'config'>[]; edges: EdgeDefinition[] } {
  const nodes: Pick<NodeDefinition, 'id' | 'type' | 'name' | 'config'>[] = [...(definition?.nodes ?? [])];
  for (const record of records) {
    if (!nodes.some((n) => n.id === record.node_id))
      nodes.push({ id: record.node_id, type: record.node_type as NodeDefinition['type'], config: {} });
  }
  return { nodes, edges: definition?.edges ?? [] };
}
