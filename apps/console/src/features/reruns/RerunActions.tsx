import { useState } from 'react';
import type { EdgeDefinition, ExecutionDetail, NodeRecord } from '../../api/types';
import { isLive } from '../../lib/format';
import { IconRefresh } from './rerun-icons';
import { RerunDialog } from './RerunDialog';
import type { RerunStart } from './rerun-plan';
import './reruns.css';

interface RerunProps {
  run: ExecutionDetail;
  edges: EdgeDefinition[];
  records: Map<string, NodeRecord> | undefined;
}

/** The run's header buttons: re-run it whole, and on a failed run "Retry from failure"; enabled once it ended. */
export function RerunActions({ run, edges, records }: RerunProps) {
  const [start, setStart] = useState<RerunStart | null>(null);
  const ended = !isLive(run.status);
  const title = ended ? undefined : 'Possible once the run has ended';
  return (
    <>
      {run.status === 'failed' && (
        <button type="button" className="button button-small button-primary" disabled={!ended} onClick={() => setStart('failed')}>
          <IconRefresh /> Retry from failure
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={!ended}
        title={title ?? 'Run every node again, with this input or another'}
        onClick={() => setStart(undefined)}
      >
        <IconRefresh /> Re-run
      </button>
      {start !== null && <RerunDialog run={run} start={start} edges={edges} records={records} onClose={() => setStart(null)} />}
    </>
  );
}

/** Under the selected node: re-run from it, with the upstream outputs as recorded or edited. */
export function RerunFromNode({ run, nodeId, edges, records }: RerunProps & { nodeId: string }) {
  const [open, setOpen] = useState(false);
  if (isLive(run.status)) return null;
  const reused = records?.get(nodeId)?.reused === true;
  return (
    <div className="rerun-from-node">
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        <IconRefresh /> Re-run from here
      </button>
      <span className="muted small">
        {reused
          ? 'This output was reused from the run this one re-ran (nothing executed).'
          : 'Runs this node and what follows again; earlier nodes keep their outputs.'}
      </span>
      {open && <RerunDialog run={run} start={nodeId} edges={edges} records={records} onClose={() => setOpen(false)} />}
    </div>
  );
}
