import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/http';
import type { TestSession } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ChatMessage } from './ChatMessage';
import { useSessionActions } from './use-test-sessions';
import { VariablesEditor } from './VariablesEditor';

/** Seed 004's test dialog: send messages, read replies with their meta, clear, edit variables, close. */
export function ChatDialog({ session, onClosed }: { session: TestSession; onClosed: () => void }) {
  const actions = useSessionActions();
  const [text, setText] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const id = session.testSessionId;

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [session.messages.length, pending]);

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || actions.send.isPending) return;
    setPending(message);
    setText('');
    actions.send.mutate({ id, message }, { onSettled: () => setPending(null), onError: () => setText(message) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) send(event);
  };
  const close = () =>
    actions.close.mutate(id, {
      onSuccess: onClosed,
      onError: (error) => error instanceof ApiError && error.code === 'TEST_SESSION_NOT_FOUND' && onClosed(),
    });
  const error = actions.send.error ?? actions.clear.error ?? actions.setVariables.error ?? actions.close.error;

  return (
    <section className="card chat" aria-label={`Test chat with ${session.workflowName}`}>
      <header className="card-header chat-header">
        <div style={{ minWidth: 0 }}>
          <h2 className="truncate">Testing: {session.workflowName}</h2>
          <div className="muted small">
            Session <span className="mono">{id}</span> · expires {formatDateTime(session.expiresAt)} unless used
          </div>
        </div>
        <div className="row chat-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => actions.clear.mutate(id)}
            disabled={actions.clear.isPending || actions.send.isPending}
          >
            Clear history
          </button>
          <button type="button" className="button button-small button-danger" onClick={close} disabled={actions.close.isPending}>
            Close session
          </button>
        </div>
      </header>
      <VariablesEditor session={session} />
      <ol className="chat-messages" ref={list} aria-label="Messages" aria-live="polite">
        {session.messages.length === 0 && !pending && <li className="chat-empty muted">Send a message to start testing the workflow.</li>}
        {session.messages.map((m) => (
          <ChatMessage key={m.id} message={m} />
        ))}
        {pending && (
          <>
            <li className="chat-message" data-role="user">
              <div className="chat-role">You</div>
              <div className="chat-bubble">{pending}</div>
            </li>
            <li className="chat-message" data-role="assistant">
              <div className="chat-bubble typing" role="status" aria-label="The workflow is running">
                <span />
                <span />
                <span />
              </div>
            </li>
          </>
        )}
      </ol>
      {error && (
        <div className="chat-error-box">
          {error instanceof ApiError && error.code === 'TEST_SESSION_NOT_FOUND' ? (
            <p className="notice notice-warning" role="alert">
              This session has expired or was closed ({error.code}).{' '}
              <button type="button" className="button button-small" onClick={onClosed}>
                Start a new session
              </button>
            </p>
          ) : (
            <ErrorNotice error={error} />
          )}
        </div>
      )}
      <form className="chat-input" onSubmit={send}>
        <label htmlFor="chat-text" className="visually-hidden">
          Message
        </label>
        <textarea
          id="chat-text"
          className="input"
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Type a test message… (Enter sends, Shift+Enter for a new line)"
          disabled={actions.send.isPending}
        />
        <button type="submit" className="button button-primary" disabled={!text.trim() || actions.send.isPending}>
          Send
        </button>
      </form>
    </section>
  );
}
