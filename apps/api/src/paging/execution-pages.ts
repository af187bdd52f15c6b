import { countExecutions, listExecutionPage, type Database, type Execution, type ExecutionFilters } from '@trellis/db';
import { decodeCursor, encodeCursor } from './page-cursor';

/** With a status or time filter, totals are exact up to this many matches and estimated past it. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface ExecutionListPage {
  items: Execution[];
  total: number;
  totalExact: boolean;
  hasMore: boolean;
  /** Continues after this page's last item; null on the last page. */
  nextCursor: string | null;
  /** The page number asked for; null when the page was asked for by cursor. */
  page: number | null;
  pages: number;
}

/**
 * One page of the owner's executions, newest first, with its total: by `cursor` (keyset, as fast at any
 * depth as on the first page) or by page number (OFFSET: reads every row before the page, slower the
 * deeper it goes); a cursor wins over a page number. Either way the answer carries the cursor of the next page.
 */
export async function readExecutionPage(
  db: Database,
  filters: ExecutionFilters,
  request: { cursor?: string; page?: number; size: number },
): Promise<ExecutionListPage> {
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, filters);
  const page = after ? undefined : (request.page ?? 1);
  const [rows, total] = await Promise.all([
    listExecutionPage(db, filters, { limit: request.size, after, offset: page ? (page - 1) * request.size : undefined }),
    countExecutions(db, filters, { exactUpTo: EXACT_COUNT_LIMIT }),
  ]);
  return {
    items: rows.items,
    total: total.total,
    totalExact: total.exact,
    hasMore: rows.hasMore,
    nextCursor: rows.hasMore && rows.last ? encodeCursor(rows.last, filters) : null,
    page: page ?? null,
    pages: Math.ceil(total.total / request.size),
  };
}
