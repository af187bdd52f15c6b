import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { EdgeDefinition, ExecutionDetail, NodeRecord } from '../../api/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { IconRefresh } from './rerun-icons';
import { changedOutputs, nodesToRun, reusedOutputs, type RerunStart } from './rerun-plan';
import { useRerun, type RerunRequest } from './use-reruns';

const pretty = (value: unknown) => JSON.stringify(value ?? null, null, 2);

/** The title of a re-run dialog, which is also what its button says. */
export function rerunTitle(start: RerunStart): string {
  return start === undefined ? 'Re-run the whole run' : start === 'failed' ? 'Retry from failure' : `Re-run from ${start}`;
}

/**
 * A modal to re-run a finished run whole or from a node: the input and the reused nodes' recorded outputs open as
 * JSON to edit (only what changed is sent), the version to run is picked; the new run opens once it is started.
 */
export function RerunDialog({
  run,
  start,
  edges,
  records,
  onClose,
}: {
  run: ExecutionDetail;
  start: RerunStart;
  edges: EdgeDefinition[];
  records: Map<string, NodeRecord> | undefined;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const rerun = useRerun(run.id);
  const recorded = useMemo(() => reusedOutputs(start, edges, records), [start, edges, records]);
  const again = useMemo(() => [...nodesToRun(start, edges, records)], [start, edges, records]);
  const [input, setInput] = useState(() => pretty(run.input_data));
  const [outputs, setOutputs] = useState(() => pretty(recorded));
  const [version, setVersion] = useState<'same' | 'latest'>('same');
  const [problem, setProblem] = useState<{ field: 'input' | 'outputs'; message: string } | null>(null);

  // Opened once and never closed from an effect: React re-runs effects when a Suspense boundary above re-reveals
  // the page, and a close there would end the dialog. Closing (Esc, the Close button) is the browser's, which gives
  // focus back to the button that opened it; the close event then unmounts the dialog.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !dialog.current) return;
    opened.current = true;
    dialog.current.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const body: RerunRequest = start === undefined ? {} : { from_node: start };
    try {
      const inputData = JSON.parse(input) as unknown;
      if (JSON.stringify(inputData) !== JSON.stringify(run.input_data ?? null)) body.input_data = inputData;
    } catch (error) {
      return setProblem({ field: 'input', message: `Not valid JSON: ${(error as Error).message}` });
    }
    if (Object.keys(recorded).length) {
      let edited: unknown;
      try {
        edited = JSON.parse(outputs) as unknown;
      } catch (error) {
        return setProblem({ field: 'outputs', message: `Not valid JSON: ${(error as Error).message}` });
      }
      if (typeof edited !== 'object' || edited === null || Array.isArray(edited))
        return setProblem({ field: 'outputs', message: 'Give an object of node id → output.' });
      const changed = changedOutputs(edited as Record<string, unknown>, recorded);
      if (changed) body.node_outputs = changed;
    }
    if (version === 'latest') body.workflow_version = 'latest';
    rerun.mutate(body, { onSuccess: (created) => void navigate(`/runs/${encodeURIComponent(created.id)}`) });
  };

  const reusedIds = Object.keys(recorded);
  return (
    <dialog ref={dialog} className="rerun-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="stack rerun-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{rerunTitle(start)}</h2>
        <RerunSummary start={start} reused={Object.keys(recorded)} again={again} />
        <div className="field">
          <label htmlFor={`${id}-input`}>Input data (JSON)</label>
          <textarea
            id={`${id}-input`}
            className="input rerun-json"
            rows={5}
            spellCheck={false}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            aria-invalid={problem?.field === 'input' || undefined}
            aria-describedby={problem?.field === 'input' ? `${id}-problem` : undefined}
          />
          {problem?.field === 'input' && (
            <p className="field-error" id={`${id}-problem`}>
              {problem.message}
            </p>
          )}
        </div>
        {reusedIds.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-outputs`}>Recorded outputs of the reused nodes (JSON)</label>
            <textarea
              id={`${id}-outputs`}
              className="input rerun-json"
              rows={7}
              spellCheck={false}
              value={outputs}
              onChange={(e) => setOutputs(e.target.value)}
              aria-invalid={problem?.field === 'outputs' || undefined}
              aria-describedby={`${id}-outputs-hint${problem?.field === 'outputs' ? ` ${id}-problem` : ''}`}
            />
            <p className="muted small" id={`${id}-outputs-hint`}>
              Edit a value to replay what follows with it; only the outputs you change are sent.
            </p>
            {problem?.field === 'outputs' && (
              <p className="field-error" id={`${id}-problem`}>
                {problem.message}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-version`}>Workflow version</label>
          <select id={`${id}-version`} className="input" value={version} onChange={(e) => setVersion(e.target.value as 'same' | 'latest')}>
            <option value="same">v{run.workflow_version}, the version this run used</option>
            <option value="latest">The latest version</option>
          </select>
        </div>
        {rerun.isError && <ErrorNotice error={rerun.error} title="Could not start the re-run" />}
        <div className="row rerun-buttons">
          <button type="submit" className="button button-primary" disabled={rerun.isPending}>
            {rerun.isPending ? <IconSpinner /> : <IconRefresh />}
            {rerun.isPending ? 'Starting…' : 'Start re-run'}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}

const ids = (list: string[]) =>
  list.map((id, i) => (
    <span key={id}>
      {i > 0 && ', '}
      <span className="mono">{id}</span>
    </span>
  ));

/** What the re-run reuses and what it runs again, in a sentence. */
function RerunSummary({ start, reused, again }: { start: RerunStart; reused: string[]; again: string[] }) {
  if (start === undefined) return <p className="muted small">A new run of every node, with this input unless you change it.</p>;
  return (
    <p className="muted small">
      {reused.length > 0 ? (
        <>
          {ids(reused)} keep{reused.length === 1 ? 's its' : ' their'} recorded output (no activity, no LLM call, no tokens);{' '}
        </>
      ) : (
        'No recorded output is reused; '
      )}
      {again.length ? ids(again) : 'the rest'} run{again.length === 1 ? 's' : ''} again.
    </p>
  );
}
