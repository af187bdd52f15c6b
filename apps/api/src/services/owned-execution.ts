import { findExecution, type Database, type Execution } from '@trellis/db';
import { notFound } from '../errors';

/** The caller's execution; 404 when it does not exist or is another user's (the two read the same). */
export async function ownedExecution(db: Database, id: string, ownerId: string): Promise<Execution> {
  const row = await findExecution(db, id, ownerId);
  if (!row) throw notFound('execution', id);
  return row;
}
