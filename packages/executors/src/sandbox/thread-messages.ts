import type { ExpressionContext, TemplateSegment } from '@trellis/definition';
import type { ExpressionLimits } from '../expression-limits';

/** What a sandbox thread is started with. */
export interface ThreadData {
  limits: ExpressionLimits;
}

/** One evaluation sent to a sandbox thread: an expression, or a template already split into segments. */
export type ThreadRequest =
  | { kind: 'expression'; source: string; context: ExpressionContext }
  | { kind: 'template'; segments: TemplateSegment[]; context: ExpressionContext };

/** A node error as it crosses the thread boundary (classes do not survive structured cloning). */
export interface ThreadFailure {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** What a sandbox thread posts: once `ready` (with its Linux thread id, when known), then one reply per request. */
export type ThreadReply = { ready: true; tid?: number } | { ok: true; value: unknown } | { ok: false; error: ThreadFailure };
