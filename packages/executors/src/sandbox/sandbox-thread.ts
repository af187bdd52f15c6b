import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeExecutionError } from '../errors';
import { evaluateExpression } from '../expressions';
import { renderSegments } from '../template-render';
import type { ThreadData, ThreadReply, ThreadRequest } from './thread-messages';

// The body of one sandbox thread: evaluates one request at a time with the pool's limits. It imports nothing
// heavier than JSONata and RE2, so a replacement thread is ready quickly after a kill.

const { limits } = workerData as ThreadData;
const port = parentPort!;

async function answer(request: ThreadRequest): Promise<ThreadReply> {
  try {
    const value =
      request.kind === 'expression'
        ? await evaluateExpression(request.source, request.context, limits)
        : await renderSegments(request.segments, request.context, limits);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof NodeExecutionError)
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    return { ok: false, error: { code: 'SANDBOX_FAILED', message: error instanceof Error ? error.message : String(error) } };
  }
}

port.on('message', (request: ThreadRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true, tid: linuxThreadId() } satisfies ThreadReply);

/** This thread's kernel id (Linux), so the pool can lower its CPU priority while it runs long. */
function linuxThreadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
}
