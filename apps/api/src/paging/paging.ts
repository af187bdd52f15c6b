import { z } from 'zod';

/** `?page=&size=`: page from 1, size default 10, at most 100. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(10),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The paged list shape every list endpoint answers with. */
export function pageOf<T>(items: T[], total: number, query: PageQuery) {
  return { items, total, page: query.page, size: query.size, pages: Math.ceil(total / query.size) };
}
