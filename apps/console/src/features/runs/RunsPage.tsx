import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatCount } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PageHeader } from '../../ui/PageHeader';
import { BulkActionBar } from '../reruns/BulkActionBar';
import { useRunSelection } from '../reruns/use-run-selection';
import { readFilters, writeFilters, type RunFilters } from './run-filters';
import { RunFiltersBar } from './RunFiltersBar';
import { RunsTable } from './RunsTable';
import { useLiveRuns } from './use-live-runs';
import { useRuns } from './use-runs';
import './runs.css';

/** Every run of the signed-in user, newest first, live. */
export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const runs = useRuns(filters);
  const live = useLiveRuns(runs.isSuccess);
  const items = useMemo(() => runs.data?.pages.flatMap((p) => p.items) ?? [], [runs.data]);
  const selection = useRunSelection();
  const first = runs.data?.pages[0];
  const setFilters = (next: RunFilters) => setParams(writeFilters(next), { replace: true });

  return (
    <div className="page">
      <PageHeader
        title="Runs"
        subtitle={
          first
            ? `${first.total_exact ? '' : 'about '}${formatCount(first.total)} run${first.total === 1 ? '' : 's'}`
            : 'Every run of your workflows, newest first'
        }
        actions={<LiveIndicator state={live} />}
      />
      <RunFiltersBar filters={filters} onChange={setFilters} />
      <BulkActionBar selected={items.filter((r) => selection.selected.has(r.id)).map((r) => r.id)} onClear={selection.clear} />
      <section className="card runs-card" aria-label="Runs" aria-busy={runs.isFetching}>
        {runs.isPending ? (
          <div className="empty loading" role="status">
            <IconSpinner /> Loading runs…
          </div>
        ) : runs.isError ? (
          <div className="card-body">
            <ErrorNotice error={runs.error} title="Could not load runs" onRetry={() => void runs.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="empty">
            <h2>No runs {params.size ? 'match these filters' : 'yet'}</h2>
            <p>
              Start one from a <Link to="/workflows">workflow</Link>; it shows up here as it runs.
            </p>
          </div>
        ) : (
          <RunsTable runs={items} selection={selection} />
        )}
      </section>
      {items.length > 0 && (
        <div className="row paging">
          <span className="muted small">
            Showing {formatCount(items.length)} of {first?.total_exact ? '' : 'about '}
            {formatCount(first?.total)}
          </span>
          {runs.hasNextPage && (
            <button type="button" className="button" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
              {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
      )}
      {runs.isFetchNextPageError && <ErrorNotice error={runs.error} title="Could not load more runs" />}
    </div>
  );
}
