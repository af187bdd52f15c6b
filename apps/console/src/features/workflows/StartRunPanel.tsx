import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconPlay } from '../../ui/icons';
import { useStartRun, type StartMode } from './use-workflows';

const MODES: { id: StartMode; label: string; hint: string }[] = [
  { id: 'async', label: 'Async', hint: 'answers at once; watch it live' },
  { id: 'sync', label: 'Sync', hint: 'waits for the end' },
  { id: 'stream', label: 'Stream', hint: 'server-sent events' },
];

/** Start a run of the saved workflow with input JSON, then open its page. */
export function StartRunPanel({
  workflowId,
  disabledReason,
  initialInput,
}: {
  workflowId?: string;
  disabledReason?: string;
  initialInput: string;
}) {
  const [input, setInput] = useState(initialInput);
  const [mode, setMode] = useState<StartMode>('async');
  const start = useStartRun();
  const navigate = useNavigate();
  let parsed: unknown;
  let inputError: string | undefined;
  try {
    parsed = input.trim() ? JSON.parse(input) : {};
  } catch (error) {
    inputError = (error as Error).message;
  }
  const submit = () => {
    if (!workflowId || inputError) return;
    start.mutate({ workflowId, input: parsed, mode }, { onSuccess: (id) => void navigate(`/runs/${encodeURIComponent(id)}`) });
  };
  return (
    <section className="card" aria-label="Start a run">
      <header className="card-header">
        <h2>Start a run</h2>
      </header>
      <div className="card-body stack">
        <div className="field">
          <label htmlFor="run-input">Input (JSON)</label>
          <textarea
            id="run-input"
            className="input mono"
            rows={5}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            spellCheck={false}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'run-input-error' : undefined}
          />
          {inputError && (
            <p id="run-input-error" className="field-error">
              Not JSON: {inputError}
            </p>
          )}
        </div>
        <fieldset className="modes">
          <legend className="label">Mode</legend>
          {MODES.map((m) => (
            <label key={m.id} className="mode">
              <input type="radio" name="run-mode" value={m.id} checked={mode === m.id} onChange={() => setMode(m.id)} />
              <span>
                <strong>{m.label}</strong> <span className="muted small">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {disabledReason && <p className="muted small">{disabledReason}</p>}
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            onClick={submit}
            disabled={!workflowId || !!disabledReason || !!inputError || start.isPending}
          >
            <IconPlay /> {start.isPending ? (mode === 'sync' ? 'Running…' : 'Starting…') : 'Start run'}
          </button>
        </div>
        {start.isError && <ErrorNotice error={start.error} title="Could not start the run" />}
      </div>
    </section>
  );
}
