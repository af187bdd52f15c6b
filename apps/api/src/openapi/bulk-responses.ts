import { z } from 'zod';

/** What starting a bulk action answers. */
export const BulkStarted = z.object({ bulk_id: z.string(), total: z.number().int().describe('the executions it covers (the caller\'s only)') });
const BulkItemError = z.object({ execution_id: z.string(), code: z.string(), message: z.string() });
/** A bulk action's progress. */
export const BulkProgress = z
  .object({
    bulk_id: z.string(),
    action: z.enum(['stop', 'cancel', 'delete']),
    status: z.enum(['running', 'completed', 'cancelled']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    errors: z.array(BulkItemError).describe('the first 100 executions that could not take the action'),
  })
  .meta({ id: 'BulkProgress' });
