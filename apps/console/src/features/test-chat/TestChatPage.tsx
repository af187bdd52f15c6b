import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/http';
import { useWorkflowList } from '../../api/workflow-list';
import { formatRelative } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { ChatDialog } from './ChatDialog';
import { useSessionActions, useTestSession, useTestSessions } from './use-test-sessions';
import './test-chat.css';

/** Pick a workflow and variables, open a test session, chat with it; open sessions can be resumed. */
export default function TestChatPage() {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const session = useTestSession(sessionId);
  const setSession = (id: string | null, workflowId?: string) => {
    const next = new URLSearchParams();
    if (id) next.set('session', id);
    else if (workflowId) next.set('workflow', workflowId);
    setParams(next);
  };

  return (
    <div className="page">
      <PageHeader title="Test chat" subtitle="Chat with a workflow: each message runs it once and shows what every node did" />
      <div className="chat-layout">
        <NewSessionPanel initialWorkflow={params.get('workflow') ?? session.data?.workflowId ?? ''} onCreated={(id) => setSession(id)} />
        <div className="chat-column">
          {!sessionId ? (
            <div className="card empty">
              <h2>No session open</h2>
              <p>Pick a workflow and start a session, or resume one of your open sessions.</p>
            </div>
          ) : session.isPending ? (
            <div className="card empty loading" role="status">
              <IconSpinner /> Opening the session…
            </div>
          ) : session.isError ? (
            session.error instanceof ApiError && session.error.code === 'TEST_SESSION_NOT_FOUND' ? (
              <div className="notice notice-warning" role="alert">
                This test session has expired or was closed ({session.error.code}: {session.error.message}). Start a new one.
              </div>
            ) : (
              <ErrorNotice error={session.error} title="Could not open the session" onRetry={() => void session.refetch()} />
            )
          ) : (
            <ChatDialog
              key={session.data.testSessionId}
              session={session.data}
              onClosed={() => setSession(null, session.data.workflowId)}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function NewSessionPanel({ initialWorkflow, onCreated }: { initialWorkflow: string; onCreated: (id: string) => void }) {
  const workflows = useWorkflowList();
  const sessions = useTestSessions();
  const { create } = useSessionActions();
  const [workflowId, setWorkflowId] = useState(initialWorkflow);
  const [variables, setVariables] = useState('{\n  "customerName": "Ada"\n}');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = workflowId || workflows.data?.items[0]?.id || '';

  const start = () => {
    let parsed: unknown;
    try {
      parsed = variables.trim() ? JSON.parse(variables) : {};
    } catch (error) {
      return setProblem(`Not JSON: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return setProblem('Variables must be a JSON object.');
    setProblem(null);
    create.mutate({ workflowId: chosen, variables: parsed as Record<string, unknown> }, { onSuccess: (s) => onCreated(s.testSessionId) });
  };

  return (
    <aside className="stack chat-side">
      <section className="card" aria-label="New test session">
        <header className="card-header">
          <h2>New session</h2>
        </header>
        <div className="card-body stack">
          {workflows.isError && <ErrorNotice error={workflows.error} />}
          {workflows.data?.items.length === 0 ? (
            <p className="muted">
              No workflows yet: <Link to="/workflows/new">create one</Link>.
            </p>
          ) : (
            <div className="field">
              <label htmlFor="chat-workflow">Workflow</label>
              <select id="chat-workflow" className="input" value={chosen} onChange={(e) => setWorkflowId(e.target.value)}>
                {workflows.data?.items.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name} (v{w.version})
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="chat-variables">Variables (JSON)</label>
            <textarea
              id="chat-variables"
              className="input mono"
              rows={4}
              value={variables}
              onChange={(e) => setVariables(e.target.value)}
              spellCheck={false}
            />
            {problem && <p className="field-error">{problem}</p>}
          </div>
          <button type="button" className="button button-primary" onClick={start} disabled={!chosen || create.isPending}>
            {create.isPending ? 'Starting…' : 'Start session'}
          </button>
          {create.isError && <ErrorNotice error={create.error} title="Could not start a session" />}
        </div>
      </section>
      {!!sessions.data?.length && (
        <section className="card" aria-label="Open sessions">
          <header className="card-header">
            <h2>Open sessions</h2>
          </header>
          <ul className="session-list">
            {sessions.data.map((s) => (
              <li key={s.testSessionId}>
                <button type="button" className="session-item" onClick={() => onCreated(s.testSessionId)}>
                  <span className="truncate">{s.workflowName}</span>
                  <span className="muted small">
                    {s.messages.length} msgs · {formatRelative(s.lastActiveAt, Date.now())}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
