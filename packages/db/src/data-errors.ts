import { DrizzleError, DrizzleQueryError } from 'drizzle-orm';

/** The SQLSTATE of a database error, from the error or its `cause` chain (drizzle wraps driver errors). */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code)) return code;
  }
  return undefined;
}

/**
 * True when Postgres refused the data itself (SQLSTATE class 22, data exception, e.g. NUL in text or jsonb; class
 * 54, a program limit such as an oversized value): writing the same data again can never succeed.
 */
export function isDatabaseDataError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('54'));
}

/** True for any error that came from the database driver or drizzle (their messages carry SQL and parameters). */
export function isDatabaseError(error: unknown): boolean {
  if (error instanceof DrizzleQueryError || error instanceof DrizzleError) return true;
  return databaseErrorCode(error) !== undefined;
}
