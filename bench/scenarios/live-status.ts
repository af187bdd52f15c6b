import type { BenchStack } from '../stack';
import { measureFanOut, type FanOutResult } from './live-status-fanout';
import { measureNodeFinishedToSocket, type NodeFinishedToSocketResult } from './live-status-latency';
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
  node_finished_to_ws: NodeFinishedToSocketResult;
  fan_out: FanOutResult;
  write_path: WritePathResult;
}

/** Scenario 5, live status: node finished → WebSocket latency, fan-out to many sockets, and what events cost the write path. */
export async function measureLiveStatus(stack: BenchStack, options: LiveStatusOptions): Promise<LiveStatusResult> {
  return {
    node_finished_to_ws: await measureNodeFinishedToSocket(stack, options),
    fan_out: await measureFanOut(stack, { listeners: options.listeners, events: options.burstEvents }),
    write_path: await measureWritePath(stack, options),
  };
}
