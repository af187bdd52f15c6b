import { useState, type FormEvent } from 'react';
import { readClaims, signIn, signOutReason } from '../../api/session';
import './sign-in.css';

/** Paste a JWT to sign in; shows why the console signed the user out, if it did. */
export function SignInPage() {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reason = signOutReason();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    const claims = readClaims(value);
    if (!claims) return setProblem('That is not a JWT: it should look like xxxxx.yyyyy.zzzzz.');
    if (claims.exp && claims.exp * 1000 < Date.now()) return setProblem('That token has expired. Mint a new one.');
    signIn(value);
  };

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">T</span> Trellis
        </div>
        <h1>Sign in to the console</h1>
        <p className="muted">
          Open the link <code>npm start</code> printed, or paste a token. Mint one with <code>npm run token -- --sub alice</code>.
        </p>
        {reason && (
          <p className="notice notice-warning" role="alert">
            {reason}
          </p>
        )}
        <form onSubmit={submit} className="stack">
          <label htmlFor="token-input">Access token (JWT)</label>
          <textarea
            id="token-input"
            className="input mono"
            rows={4}
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
              setProblem(null);
            }}
            placeholder="eyJhbGciOiJIUzI1NiIs…"
            spellCheck={false}
            autoFocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'token-problem' : undefined}
          />
          {problem && (
            <p id="token-problem" className="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={!token.trim()}>
            Sign in
          </button>
        </form>
        <p className="muted small">The token stays in this browser tab only (session storage).</p>
      </div>
    </main>
  );
}
