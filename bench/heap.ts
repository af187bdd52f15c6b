import { Session } from 'node:inspector';

/**
 * Reads the JS heaps of this process over the in-process inspector: the main thread's and each worker
 * thread's. Temporal runs workflows in worker threads with their own heaps, which
 * `process.memoryUsage()` does not see; the inspector's NodeWorker domain reaches them, and its
 * `HeapProfiler.collectGarbage` forces a full GC without `--expose-gc`.
 */
export interface HeapProbe {
  /** Forces a full GC in every isolate, then returns the used heap (bytes) of each. */
  usedAfterGc(): Promise<{ main: number; threads: Array<{ id: string; url: string; used: number }> }>;
  /** A heap snapshot of one worker thread, summed by constructor (self size), largest first. */
  snapshotByConstructor(threadId: string, top: number): Promise<Array<{ constructor: string; count: number; bytes: number }>>;
  close(): void;
}

interface Attached {
  sessionId: string;
  workerInfo: { workerId: string; url: string; title: string };
}

export async function openHeapProbe(): Promise<HeapProbe> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  const threads = new Map<string, Attached>();
  const pending = new Map<number, (result: unknown) => void>();
  const chunkListeners = new Map<string, (chunk: string) => void>();
  let nextId = 0;
  session.on('NodeWorker.attachedToWorker', (message) => {
    const attached = message.params as Attached;
    threads.set(attached.workerInfo.workerId, attached);
  });
  session.on('NodeWorker.detachedFromWorker', (message) => {
    for (const [id, t] of threads) if (t.sessionId === (message.params as { sessionId: string }).sessionId) threads.delete(id);
  });
  session.on('NodeWorker.receivedMessageFromWorker', (message) => {
    const { sessionId, message: text } = message.params as { sessionId: string; message: string };
    const parsed = JSON.parse(text) as { id?: number; method?: string; result?: unknown; params?: { chunk: string } };
    if (parsed.id !== undefined) pending.get(parsed.id)?.(parsed.result);
    else if (parsed.method === 'HeapProfiler.addHeapSnapshotChunk') chunkListeners.get(sessionId)?.(parsed.params!.chunk);
  });
  const callThread = <T>(sessionId: string, method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result as T);
      });
      session.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await post('NodeWorker.enable', { waitForDebuggerOnStart: false });

  return {
    async usedAfterGc() {
      const result = [];
      for (const t of threads.values()) {
        await callThread(t.sessionId, 'HeapProfiler.collectGarbage');
        const usage = await callThread<{ usedSize: number }>(t.sessionId, 'Runtime.getHeapUsage');
        result.push({ id: t.workerInfo.workerId, url: t.workerInfo.url, used: usage.usedSize });
      }
      await post('HeapProfiler.collectGarbage');
      const main = await post<{ usedSize: number }>('Runtime.getHeapUsage');
      return { main: main.usedSize, threads: result };
    },
    async snapshotByConstructor(threadId, top) {
      const t = threads.get(threadId);
      if (!t) throw new Error(`no worker thread ${threadId}`);
      const chunks: string[] = [];
      chunkListeners.set(t.sessionId, (chunk) => chunks.push(chunk));
      await callThread(t.sessionId, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      chunkListeners.delete(t.sessionId);
      return summarizeSnapshot(JSON.parse(chunks.join('')) as HeapSnapshot, top);
    },
    close: () => session.disconnect(),
  };
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per constructor (objects) or per V8 node type in parentheses (strings, code, arrays…). */
function summarizeSnapshot(heap: HeapSnapshot, top: number) {
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const name = heap.strings[heap.nodes[i + nameAt]!] || '(anonymous)';
    const key = type === 'object' ? name : type === 'closure' ? `${name}()` : `(${type})`;
    const entry = totals.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[i + sizeAt]!;
    totals.set(key, entry);
  }
  return [...totals]
    .map(([constructor, t]) => ({ constructor, ...t }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}
