// The signed-in token, kept in this browser tab's sessionStorage, and why the last sign-out happened.
import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'trellis.token';
const REASON_KEY = 'trellis.signOutReason';

type Listener = () => void;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((listener) => listener());

/** The current token, or null when signed out. */
export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Stores the token (the caller has checked its shape) and clears the last sign-out reason. */
export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.removeItem(REASON_KEY);
  emit();
}

/** Forgets the token; `reason` is shown on the sign-in page (e.g. after a 401). */
export function signOut(reason?: string): void {
  sessionStorage.removeItem(TOKEN_KEY);
  if (reason) sessionStorage.setItem(REASON_KEY, reason);
  else sessionStorage.removeItem(REASON_KEY);
  emit();
}

/** Why the user was signed out, if the console did it. */
export function signOutReason(): string | null {
  return sessionStorage.getItem(REASON_KEY);
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token as React state: re-renders on sign-in and sign-out. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, currentToken, () => null);
}

export interface TokenClaims {
  sub?: string;
  exp?: number;
}

/** Reads a JWT's claims without verifying it (the API verifies); undefined when it is not a JWT. */
export function readClaims(token: string): TokenClaims | undefined {
  const part = token.split('.')[1];
  if (!part || token.split('.').length !== 3) return undefined;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === 'object' ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}
