import { useState } from 'react';
import type { TestSession } from '../../api/types';
import { useSessionActions } from './use-test-sessions';

/** The session's variables as JSON; saving replaces them (PUT …/variables). */
export function VariablesEditor({ session }: { session: TestSession }) {
  const actions = useSessionActions();
  const [text, setText] = useState(() => JSON.stringify(session.variables, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    let variables: unknown;
    try {
      variables = JSON.parse(text);
    } catch (error) {
      return setProblem(`Not JSON: ${(error as Error).message}`);
    }
    if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return setProblem('Variables must be a JSON object.');
    setProblem(null);
    actions.setVariables.mutate({ id: session.testSessionId, variables: variables as Record<string, unknown> });
  };
  return (
    <details className="variables">
      <summary>Variables ({Object.keys(session.variables).length})</summary>
      <div className="stack variables-body">
        <label htmlFor="session-variables" className="visually-hidden">
          Session variables (JSON)
        </label>
        <textarea
          id="session-variables"
          className="input mono"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
        {problem && <p className="field-error">{problem}</p>}
        <div className="row">
          <button type="button" className="button button-small" onClick={save} disabled={actions.setVariables.isPending}>
            Save variables
          </button>
          {actions.setVariables.isSuccess && <span className="muted small">Saved.</span>}
        </div>
      </div>
    </details>
  );
}
