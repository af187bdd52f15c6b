import { ApiError, describeError } from '../api/http';

/** An API error as a readable message with its code; never a blank page. */
export function ErrorNotice({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  const message = error instanceof ApiError ? error.message : describeError(error);
  return (
    <div className="notice notice-error row" role="alert">
      <span>
        {title && <strong>{title}: </strong>}
        {code && <code className="error-code">{code}</code>} {message}
      </span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry} style={{ marginLeft: 'auto' }}>
          Try again
        </button>
      )}
    </div>
  );
}
