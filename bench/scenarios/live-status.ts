import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import WebSocket from 'ws';
import { appendEvents, createEventAnnouncer, insertExecution, nodeExecutions } from '@trellis/db';
import { benchApi, chainDefinition } from '../api-client';
import type { BenchStack } from '../stack';
import { sleep, summarize, type Summary } from '../stats';
import { measureWritePath, type WritePathResult } from './live-status-writes';

export interface LiveStatusOptions {
  /** (a) concurrent executions, one WebSocket each, the nodes of their chain and how long its first node waits. */
  executions: number;
  nodes: number;
  waitMs: number;
  /** (b) WebSockets on one execution and events appended while they listen. */
  listeners: number;
  burstEvents: number;
  /** (c) concurrent writers and seconds per variant (each variant runs twice, interleaved). */
  writers: number;
  writeSeconds: number;
  /** (c) runs on its own pool when the stack is on Postgres. */
  databaseUrl?: string;
}

export interface LiveStatusResult {
  node_finished_to_ws: {
    executions: number;
    nodes: number;
    /** node row `finished_at` → `node.completed` received by the socket, for nodes that finished after it opened. */
    latency_ms: Summary;
    /** node.completed events that arrived in the replay (node finished before the socket opened): not counted. */
    replayed: number;
    target: string;
    met: boolean;
  };
  fan_out: {
    listeners: number;
    events: number;
    deliveries: number;
    seconds: number;
    per_second: number;
    /** Listeners whose messages were not exactly seqs 1..events in order. */
    listeners_wrong: number;
    target: string;
    met: boolean;
  };
  write_path: WritePathResult;
}

/** Scenario 5, live status: node-finished → WebSocket latency, fan-out to many sockets, and the write path's cost of events. */
export async function measureLiveStatus(stack: BenchStack, options: LiveStatusOptions): Promise<LiveStatusResult> {
  return {
    node_finished_to_ws: await measureNodeFinishedToSocket(stack, options),
    fan_out: await measureFanOut(stack, options),
    write_path: await measureWritePath(stack, options),
  };
}

const wsUrl = (stack: BenchStack, path: string) => `${stack.apiUrl.replace(/^http/, 'ws')}${path}`;

/** Opens a socket with its message handler attached first: a replay can arrive in the same read as the 101. */
function openSocket(url: string, token: string, onMessage: (data: WebSocket.RawData) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    ws.on('message', onMessage);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/**
 * input → an llm node on the loopback wire provider that answers after `waitMs` → no-op transforms → output.
 * The wait lets each socket, opened after its POST returns, see the rest of the run live.
 */
function waitThenChain(nodes: number, waitMs: number) {
  const chain = chainDefinition(nodes - 1);
  const wait = { id: 'wait', type: 'llm', config: { provider: 'wire', model: `slow-${waitMs}`, prompt: 'wait' } };
  return {
    nodes: [chain.nodes[0]!, wait, ...chain.nodes.slice(1)],
    edges: [{ source: chain.nodes[0]!.id, target: 'wait' }, { source: 'wait', target: chain.nodes[1]!.id }, ...chain.edges.slice(1)],
  };
}

/** (a) `executions` runs started at once, each followed by its own socket from seq 0 opened right after its POST. */
async function measureNodeFinishedToSocket(stack: BenchStack, options: LiveStatusOptions): Promise<LiveStatusResult['node_finished_to_ws']> {
  const token = stack.tokenFor(`bench-live-${randomUUID()}`);
  const api = benchApi(stack.apiUrl, token);
  const workflowId = await api.createWorkflow('bench-live-status', waitThenChain(options.nodes, options.waitMs));
  const received: Array<{ executionId: string; nodeId: string; at: number; openedAt: number }> = [];
  const sockets: WebSocket[] = [];
  const runs = Array.from({ length: options.executions }, async () => {
    const executionId = await api.startExecution(workflowId);
    let openedAt = Infinity;
    let ended: () => void = () => {};
    const end = new Promise<void>((resolve) => (ended = resolve));
    const ws = await openSocket(wsUrl(stack, `/ws/${executionId}?since=0`), token, (data) => {
      const at = Date.now();
      const message = JSON.parse(data.toString()) as { type: string; node_id?: string };
      if (message.type === 'node.completed') received.push({ executionId, nodeId: message.node_id!, at, openedAt });
      if (message.type === 'execution.completed' || message.type === 'execution.failed') ended();
    });
    openedAt = Date.now();
    sockets.push(ws);
    await end;
    return executionId;
  });
  const ids = await Promise.all(runs);
  for (const ws of sockets) ws.terminate();

  const rows = await stack.database.db
    .select({ executionId: nodeExecutions.executionId, nodeId: nodeExecutions.nodeId, finishedAt: nodeExecutions.finishedAt })
    .from(nodeExecutions)
    .where(inArray(nodeExecutions.executionId, ids));
  const finished = new Map(rows.map((r) => [`${r.executionId}/${r.nodeId}`, r.finishedAt!.getTime()]));
  const live = received.filter((r) => finished.get(`${r.executionId}/${r.nodeId}`)! >= r.openedAt);
  const latency = summarize(live.map((r) => r.at - finished.get(`${r.executionId}/${r.nodeId}`)!));
  return {
    executions: options.executions,
    nodes: options.nodes,
    latency_ms: latency,
    replayed: received.length - live.length,
    target: 'p99 < 100 ms',
    met: latency.p99 < 100,
  };
}

/** (b) `listeners` sockets on one execution; `burstEvents` one-event transactions announced after commit. */
async function measureFanOut(stack: BenchStack, options: LiveStatusOptions): Promise<LiveStatusResult['fan_out']> {
  const owner = `bench-fanout-${randomUUID()}`;
  const token = stack.tokenFor(owner);
  const executionId = `bench-fanout-${randomUUID()}`;
  const { db } = stack.database;
  await insertExecution(db, { id: executionId, ownerId: owner, workflowId: 'bench', workflowVersion: 1, workflowName: 'bench', status: 'running' });

  const total = options.burstEvents;
  let done = 0;
  let allDone: () => void = () => {};
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const listeners: Array<{ ws: WebSocket; next: number; wrong: boolean }> = [];
  for (let opened = 0; opened < options.listeners; opened += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, options.listeners - opened) }, async () => {
        const listener = { next: 1, wrong: false, ws: undefined as unknown as WebSocket };
        listeners.push(listener);
        listener.ws = await openSocket(wsUrl(stack, `/ws/${executionId}?since=0`), token, (data) => {
          // Only the seq is needed; a regex over the text is cheaper than parsing on the listening side.
          const seq = Number(/"seq":(\d+)/.exec(data.toString())?.[1]);
          if (seq !== listener.next) listener.wrong = true;
          listener.next = seq + 1;
          if (seq === total && ++done === options.listeners) allDone();
        });
      }),
    );
  }

  const announcer = createEventAnnouncer(db);
  const started = performance.now();
  for (let i = 1; i <= total; i++) {
    const written = await db.transaction((tx) =>
      appendEvents(tx, executionId, [{ key: `burst:${i}`, type: 'node.progress', message: `burst event ${i}`, data: { i } }]),
    );
    announcer.announce(executionId, written);
  }
  await Promise.race([finished, sleep(60_000)]);
  const seconds = (performance.now() - started) / 1000;
  await announcer.close();
  for (const { ws } of listeners) ws.terminate();

  const deliveries = listeners.reduce((sum, l) => sum + l.next - 1, 0);
  const perSecond = Math.round(deliveries / seconds);
  return {
    listeners: options.listeners,
    events: total,
    deliveries,
    seconds: Math.round(seconds * 1000) / 1000,
    per_second: perSecond,
    listeners_wrong: listeners.filter((l) => l.wrong || l.next !== total + 1).length,
    target: '≥ 50,000 deliveries/s',
    met: perSecond >= 50_000 && done === options.listeners,
  };
}
