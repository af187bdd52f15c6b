import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inArray } from 'drizzle-orm';
import type WebSocket from 'ws';
import { EVENTS_CHANNEL, executionEvents, nodeExecutions, parseEventNotification } from '@trellis/db';
import { benchApi, chainDefinition } from '../api-client';
import type { BenchStack } from '../stack';
import { summarize, type Summary } from '../stats';
import { openSocket, wsUrl } from '../ws-client';

export interface NodeFinishedToSocketResult {
  executions: number;
  nodes: number;
  wait_ms: number;
  /** node row `finished_at` → `node.completed` received by the socket, for nodes that finished after it opened. */
  latency_ms: Summary;
  /** The same, cut at the event's `created_at` (its transaction's start) and at the NOTIFY reaching this process. */
  breakdown_ms: { finished_to_transaction_start: Summary; transaction_start_to_notification: Summary; notification_to_socket: Summary };
  /** This process's event-loop delay meanwhile (API, worker, clients and, under PGlite, the database share it). */
  event_loop_delay_ms: { p50: number; p99: number; max: number };
  /** node.completed events that arrived in the replay (node finished before the socket opened): not counted. */
  replayed: number;
  target: string;
  met: boolean;
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
export async function measureNodeFinishedToSocket(
  stack: BenchStack,
  options: { executions: number; nodes: number; waitMs: number },
): Promise<NodeFinishedToSocketResult> {
  const token = stack.tokenFor(`bench-live-${randomUUID()}`);
  const api = benchApi(stack.apiUrl, token);
  const workflowId = await api.createWorkflow('bench-live-status', waitThenChain(options.nodes, options.waitMs));
  const notifiedAt = new Map<string, number>();
  const unlisten = await stack.database.listen(EVENTS_CHANNEL, (payload) => {
    const at = Date.now();
    for (const { executionId, firstSeq, lastSeq } of parseEventNotification(payload).ranges) {
      for (let seq = firstSeq ?? lastSeq; seq <= lastSeq; seq++)
        if (!notifiedAt.has(`${executionId}:${seq}`)) notifiedAt.set(`${executionId}:${seq}`, at);
    }
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  const received: Array<{ executionId: string; nodeId: string; seq: number; at: number; openedAt: number }> = [];
  const sockets: WebSocket[] = [];
  const ids = await Promise.all(
    Array.from({ length: options.executions }, async () => {
      const executionId = await api.startExecution(workflowId);
      let openedAt = Infinity;
      let ended: () => void = () => {};
      const end = new Promise<void>((resolve) => (ended = resolve));
      const ws = await openSocket(wsUrl(stack, `/ws/${executionId}?since=0`), token, (data) => {
        const at = Date.now();
        const message = JSON.parse(data.toString()) as { type: string; seq: number; node_id?: string };
        if (message.type === 'node.completed') received.push({ executionId, nodeId: message.node_id!, seq: message.seq, at, openedAt });
        if (message.type === 'execution.completed' || message.type === 'execution.failed') ended();
      });
      openedAt = Date.now();
      sockets.push(ws);
      await end;
      return executionId;
    }),
  );
  loop.disable();
  await unlisten();
  for (const ws of sockets) ws.terminate();

  const { db } = stack.database;
  const nodes = await db.select().from(nodeExecutions).where(inArray(nodeExecutions.executionId, ids));
  const events = await db.select().from(executionEvents).where(inArray(executionEvents.executionId, ids));
  const finishedAt = new Map(nodes.map((n) => [`${n.executionId}/${n.nodeId}`, n.finishedAt!.getTime()]));
  const createdAt = new Map(events.map((e) => [`${e.executionId}:${e.seq}`, e.createdAt.getTime()]));
  const live = received.filter((r) => finishedAt.get(`${r.executionId}/${r.nodeId}`)! >= r.openedAt);
  const part = (from: (r: (typeof live)[number]) => number | undefined, to: (r: (typeof live)[number]) => number | undefined) =>
    summarize(live.flatMap((r) => (from(r) !== undefined && to(r) !== undefined ? [to(r)! - from(r)!] : [])));
  const finished = (r: (typeof live)[number]) => finishedAt.get(`${r.executionId}/${r.nodeId}`);
  const created = (r: (typeof live)[number]) => createdAt.get(`${r.executionId}:${r.seq}`);
  const notified = (r: (typeof live)[number]) => notifiedAt.get(`${r.executionId}:${r.seq}`);
  const latency = part(finished, (r) => r.at);
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  return {
    executions: options.executions,
    nodes: options.nodes,
    wait_ms: options.waitMs,
    latency_ms: latency,
    breakdown_ms: {
      finished_to_transaction_start: part(finished, created),
      transaction_start_to_notification: part(created, notified),
      notification_to_socket: part(notified, (r) => r.at),
    },
    event_loop_delay_ms: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    replayed: received.length - live.length,
    target: 'p99 < 100 ms',
    met: latency.p99 < 100,
  };
}
