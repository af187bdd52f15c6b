import { OutputTooLargeError } from './errors';

/** Default cap on one node's output as JSON (NODE_OUTPUT_MAX_BYTES): well inside Temporal's 2 MB payload limit. */
export const DEFAULT_NODE_OUTPUT_MAX_BYTES = 1_048_576;

/** Throws OUTPUT_TOO_LARGE when `output`, as JSON in UTF-8, is larger than `maxBytes`. */
export function checkOutputSize(output: unknown, maxBytes: number): void {
  // Characters bound bytes from below (UTF-8 uses 1–3 bytes per UTF-16 unit), so small outputs skip the count.
  const json = JSON.stringify(output) ?? '';
  if (json.length * 3 <= maxBytes) return;
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) throw new OutputTooLargeError(bytes, maxBytes);
}
