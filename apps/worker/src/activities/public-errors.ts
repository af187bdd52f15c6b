import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import { toStorableText } from '@trellis/definition';
import { databaseErrorCode, isDatabaseDataError, isDatabaseError, isDatabaseUnavailable } from '@trellis/db';
import type { Logger } from 'pino';

const MAX_MESSAGE_LENGTH = 2_000;
/** Absolute paths of source files (with an optional :line:col) and anything under node_modules. */
const FILE_PATH = /(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+)*[\\/][\w.@+-]+\.(?:[cm]?[jt]s|json|node)(?::\d+){0,2}|\S*node_modules\S*/g;

/** A database driver's text: the query and its parameters. */
const SQL_TEXT = /Failed query:|\bparams:/i;

/**
 * What users may read of an error message (node and run errors, events, API answers): one line without stack
 * frames, file paths, SQL or characters Postgres refuses, at most 2,000 characters.
 */
export function publicMessage(message: string): string {
  if (SQL_TEXT.test(message)) return 'a database operation failed';
  const lines = message.split('\n').filter((line) => !/^\s*at\s/.test(line));
  const text = toStorableText(lines.join(' ')).replace(FILE_PATH, '<path>').replace(/\s+/g, ' ').trim();
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text || 'unknown error';
}

/**
 * The failure an activity reports for `error`, fit to be shown to users: a database error becomes a fixed message
 * with its SQLSTATE (never the query or its parameters), non-retryable when Postgres refused the data itself (the
 * same write can never succeed); anything else keeps its retry behaviour with a public message. Temporal failures
 * (already shaped) and cancellation pass through.
 */
export function toPublicFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure || error instanceof CancelledFailure) return error;
  if (isDatabaseUnavailable(error)) {
    return ApplicationFailure.retryable('the database is unreachable', 'DATABASE_UNAVAILABLE');
  }
  if (isDatabaseDataError(error)) {
    return ApplicationFailure.nonRetryable(
      `a record could not be written: the database refused its data (SQLSTATE ${databaseErrorCode(error)})`,
      'RECORD_REJECTED',
    );
  }
  if (isDatabaseError(error)) {
    const code = databaseErrorCode(error);
    return ApplicationFailure.retryable(`a database write failed${code ? ` (SQLSTATE ${code})` : ''}`, 'DATABASE_ERROR');
  }
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return ApplicationFailure.retryable(publicMessage(message), name);
}

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

/** Wraps each activity so whatever it throws reaches Temporal (and so users) as toPublicFailure makes it; logs the original. */
export function withPublicErrors<T extends ActivityFunctions>(activities: T, log: Logger): T {
  const wrapped: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args) => {
      try {
        return await activity(...args);
      } catch (error) {
        // A cancelled activity reports its cancellation however the work ended.
        if (Context.current().cancellationSignal.aborted && !isDatabaseError(error)) throw error;
        const failure = toPublicFailure(error);
        if (failure !== error) log.warn({ activity: name, err: error }, 'activity failed');
        throw failure;
      }
    };
  }
  return wrapped as T;
}
