import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useWorkflowList } from '../../api/workflow-list';
import { useNow } from '../../lib/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PageHeader } from '../../ui/PageHeader';
import { Tabs } from '../../ui/Tabs';
import { useLiveWaits } from './use-live-waits';
import { useWaits } from './use-waits';
import { WaitItem } from './WaitItem';
import type { WaitStatus } from './wait-types';
import './waits.css';

const TABS: { id: WaitStatus; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'answered', label: 'Answered' },
  { id: 'expired', label: 'Expired' },
  { id: 'cancelled', label: 'Closed' },
];
const EMPTY: Record<WaitStatus, string> = {
  open: 'Nothing is waiting for you',
  answered: 'No answered waits yet',
  expired: 'No wait has expired',
  cancelled: 'No wait was closed unanswered',
};

/** "Waiting for you": the human nodes waiting for the signed-in user's answer (as owner or assignee), live. */
export default function WaitsPage() {
  const [params, setParams] = useSearchParams();
  const status = (TABS.find((t) => t.id === params.get('status'))?.id ?? 'open') satisfies WaitStatus;
  const waits = useWaits(status);
  const live = useLiveWaits(waits.isSuccess);
  const workflows = useWorkflowList();
  const names = useMemo(() => new Map(workflows.data?.items.map((w) => [w.id, w.name])), [workflows.data]);
  const items = useMemo(() => waits.data?.pages.flatMap((p) => p.items) ?? [], [waits.data]);
  const now = useNow(true, 15_000);

  return (
    <div className="page">
      <PageHeader
        title="Waiting for you"
        subtitle="Human nodes asking you for an answer, newest first"
        actions={<LiveIndicator state={live} />}
      />
      <section className="card waits-card" aria-label="Waits">
        <Tabs
          tabs={TABS}
          selected={status}
          onSelect={(next) => setParams(next === 'open' ? {} : { status: next }, { replace: true })}
          label="Wait status"
          idPrefix="waits"
        />
        <div role="tabpanel" id={`waits-panel-${status}`} aria-labelledby={`waits-tab-${status}`} aria-busy={waits.isFetching}>
          {waits.isPending ? (
            <div className="empty loading" role="status">
              <IconSpinner /> Loading waits…
            </div>
          ) : waits.isError ? (
            <div className="card-body">
              <ErrorNotice error={waits.error} title="Could not load waits" onRetry={() => void waits.refetch()} />
            </div>
          ) : items.length === 0 ? (
            <div className="empty">
              <h2>{EMPTY[status]}</h2>
              <p>
                A <code>human</code> node in a <Link to="/workflows">workflow</Link> stops its run here until you answer.
              </p>
            </div>
          ) : (
            <ul className="wait-list">
              {items.map((wait) => (
                <WaitItem key={`${wait.execution_id}/${wait.node_id}`} wait={wait} workflowName={names.get(wait.workflow_id)} now={now} />
              ))}
            </ul>
          )}
        </div>
      </section>
      {waits.hasNextPage && (
        <div className="row waits-paging">
          <span className="muted small">Showing {items.length}</span>
          <button type="button" className="button" onClick={() => void waits.fetchNextPage()} disabled={waits.isFetchingNextPage}>
            {waits.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {waits.isFetchNextPageError && <ErrorNotice error={waits.error} title="Could not load more waits" />}
    </div>
  );
}
