import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconBan, IconSpinner, IconStop, IconX } from '../../ui/icons';
import { IconRefresh } from './rerun-icons';
import { useBulkProgress, useCancelBulkAction, useStartBulkAction, type BulkActionName, type BulkStart } from './use-bulk-action';
import './reruns.css';

const VERB: Record<BulkActionName, { label: string; doing: string; done: string }> = {
  stop: { label: 'Stop', doing: 'Stopping', done: 'Stopped' },
  cancel: { label: 'Cancel', doing: 'Cancelling', done: 'Cancelled' },
  rerun: { label: 'Re-run', doing: 'Re-running', done: 'Re-ran' },
  delete: { label: 'Delete', doing: 'Deleting', done: 'Deleted' },
};
const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/**
 * Above the runs list while runs are ticked: stop, cancel, re-run (whole or from their failure) or delete them as one
 * durable bulk action (deleting asks first), then its progress as it goes and what it did, with the first errors.
 */
export function BulkActionBar({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const start = useStartBulkAction();
  const [confirming, setConfirming] = useState(false);
  const bulkId = start.data?.bulk_id;
  const progress = useBulkProgress(bulkId);
  const cancel = useCancelBulkAction(bulkId);
  const action = start.variables?.action;
  const p = progress.data;

  const run = (name: BulkActionName, options: Pick<BulkStart, 'from_node'> = {}) => {
    setConfirming(false);
    start.mutate({ action: name, ids: selected, ...options }, { onSuccess: onClear });
  };
  const dismiss = () => start.reset();

  if (start.data && action) {
    const total = start.data.total;
    const finished = p && p.status !== 'running';
    return (
      <section className="card bulk-bar" aria-label="Bulk action" data-state={p?.status ?? 'running'}>
        {!finished ? (
          <>
            <span className="row" role="status">
              <IconSpinner /> {VERB[action].doing} {p ? `${p.done + p.failed} of ${runs(p.total)}` : runs(total)}…
            </span>
            <progress
              className="bulk-progress"
              max={p?.total || total || 1}
              value={p ? p.done + p.failed : 0}
              aria-label={`${VERB[action].doing} runs`}
            />
            <button type="button" className="button button-small" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
              Stop the bulk action
            </button>
          </>
        ) : (
          <>
            <span role="status">
              <strong>
                {p.status === 'cancelled' ? 'Bulk action stopped: ' : ''}
                {VERB[action].done} {runs(p.done)}
              </strong>
              {p.failed > 0 &&
                `; ${p.failed} could not be (${p.errors
                  .slice(0, 3)
                  .map((e) => `${e.code}: ${e.message}`)
                  .join('; ')})`}
              .
            </span>
            <button type="button" className="button button-small button-ghost" onClick={dismiss}>
              Dismiss
            </button>
          </>
        )}
        {(progress.isError || cancel.isError) && (
          <ErrorNotice error={progress.error ?? cancel.error} title="Could not follow the bulk action" />
        )}
      </section>
    );
  }
  if (!selected.length) return null;
  return (
    <section className="card bulk-bar" aria-label="Bulk action">
      <strong>{runs(selected.length)} selected</strong>
      {confirming ? (
        <>
          <span>Delete {runs(selected.length)} and their records? This cannot be undone.</span>
          <button type="button" className="button button-small button-danger" onClick={() => run('delete')} disabled={start.isPending}>
            <IconX /> Delete {runs(selected.length)}
          </button>
          <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="button button-small"
            onClick={() => run('stop')}
            disabled={start.isPending}
            title="End each live run gracefully after the nodes in flight"
          >
            <IconStop /> Stop
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => run('cancel')}
            disabled={start.isPending}
            title="Cancel each live run now"
          >
            <IconBan /> Cancel runs
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => run('rerun')}
            disabled={start.isPending}
            title="Run each ended run again, whole, with its own input"
          >
            <IconRefresh /> Re-run
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => run('rerun', { from_node: 'failed' })}
            disabled={start.isPending}
            title="Run the failed nodes of each failed run again, reusing what completed"
          >
            <IconRefresh /> Retry failed from failure
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => setConfirming(true)}
            disabled={start.isPending}
          >
            <IconX /> Delete…
          </button>
          <button type="button" className="button button-small button-ghost" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
      {start.isError && <ErrorNotice error={start.error} title="Could not start the bulk action" />}
    </section>
  );
}
