import { findExecution, type Database } from '@trellis/db';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Answers "who owns execution X" for the all-executions stream, caching answers for a minute so a
 * busy system does not cost one query per event per socket. Absent executions are cached as null.
 */
export class ExecutionOwners {
  private readonly cache = new Map<string, { ownerId: string | null; at: number }>();

  constructor(private readonly db: Database) {}

  async ownerOf(executionId: string): Promise<string | null> {
    const cached = this.cache.get(executionId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.ownerId;
    const row = await findExecution(this.db, executionId);
    const ownerId = row?.ownerId ?? null;
    this.cache.delete(executionId);
    this.cache.set(executionId, { ownerId, at: Date.now() });
    // Map keeps insertion order: the first key is the oldest entry.
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return ownerId;
  }
}
