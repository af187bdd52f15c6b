import type { Execution } from '../api/types';

const LIVE = new Set(['pending', 'running', 'waiting', 'paused']);

/** Whether a run has not ended yet. */
export function isLive(status: string): boolean {
  return LIVE.has(status);
}

/** 850 ms, 12.3 s, 4 m 05 s, 2 h 10 m. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.floor(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3_600)} h ${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')} m`;
}

/** How long a run took, or has taken so far when it is live. */
export function runDuration(run: Pick<Execution, 'started_at' | 'finished_at' | 'created_at' | 'status'>, now: number): number | null {
  const start = Date.parse(run.started_at ?? run.created_at);
  if (run.finished_at) return Date.parse(run.finished_at) - start;
  return isLive(run.status) ? now - start : null;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const timeOnly = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

/** "Nov 25, 14:03:12" */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "14:03:12.345" */
export function formatTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}

/** "3 min ago", "just now". */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const s = Math.round((now - Date.parse(iso)) / 1_000);
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3_600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3_600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

const integer = new Intl.NumberFormat();

/** 12,345 or — */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

/** Short form of a long id for tables: the first 8 characters. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
