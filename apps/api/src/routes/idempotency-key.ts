import type { Request } from 'express';
import { z } from 'zod';

/** The Idempotency-Key header of a start. */
export const IdempotencyKeyHeader = z
  .string()
  .describe(
    'repeating a start with the same key (same user) answers the first run instead of starting another; only the first 200 characters count, and an empty key is none',
  );

/** The start's idempotency key: the header's first 200 characters; an absent or empty header is no key. */
export const idempotencyKeyOf = (req: Request): string | undefined => req.get('Idempotency-Key')?.slice(0, 200) || undefined;
