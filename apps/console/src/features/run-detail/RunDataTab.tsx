import type { Execution } from '../../api/types';
import { JsonViewer } from '../../ui/JsonViewer';

/** The run's own input, output and error. */
export function RunDataTab({ run }: { run: Execution }) {
  return (
    <div className="run-data">
      <div className="stack">
        <h3>Input</h3>
        <JsonViewer value={run.input_data ?? null} label="Run input" />
      </div>
      <div className="stack">
        <h3>Output</h3>
        {run.output_data !== null && run.output_data !== undefined ? (
          <JsonViewer value={run.output_data} label="Run output" />
        ) : (
          <p className="muted small">No output yet.</p>
        )}
      </div>
      {run.error && (
        <div className="stack">
          <h3>Error</h3>
          <div className="notice notice-error" role="alert">
            <code className="error-code">{run.error.code}</code> {run.error.message}
            {run.error.node_id && (
              <>
                {' '}
                (node <code>{run.error.node_id}</code>)
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
