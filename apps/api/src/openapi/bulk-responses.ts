import { z } from 'zod';

/** What a bulk action does to each execution it covers. */
export const BulkAction = z.enum(['stop', 'cancel', 'rerun', 'delete']);

/** What starting a bulk action answers. */
export const BulkStarted = z.object({
  bulk_id: z.string(),
  total: z.number().int().describe("the executions it covers (the caller's only)"),
});
const BulkItemError = z.object({ execution_id: z.string(), code: z.string(), message: z.string() });
/** A bulk action's progress. */
export const BulkProgress = z
  .object({
    bulk_id: z.string(),
    action: BulkAction,
    status: z.enum(['running', 'completed', 'cancelled']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    errors: z.array(BulkItemError).describe('the first 100 executions that could not take the action'),
    reruns: z
      .array(z.object({ execution_id: z.string(), rerun_id: z.string().describe('the new execution') }))
      .optional()
      .describe('a bulk re-run only: the runs it started so far, one per execution re-run'),
  })
  .meta({ id: 'BulkProgress' });
