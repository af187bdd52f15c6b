import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '@trellis/definition';
import { NodeExecutionError } from '@trellis/executors';

/**
 * Throws OUTPUT_INVALID (not retryable: the node would produce the same again) when a node's output holds text
 * Postgres cannot store, e.g. a NUL made by an expression or sent by a model; its records could never be written.
 */
export function checkStorableOutput(output: unknown): void {
  const path = findUnstorableText(output);
  if (path === undefined) return;
  throw new NodeExecutionError('OUTPUT_INVALID', `the node's output ${path ? `at ${path} ` : ''}${UNSTORABLE_TEXT_MESSAGE}`, false, {
    reason: 'unstorable_character',
    path,
  });
}
