import type { describeEnvironment } from './environment';
import type { HistoryPagingResult } from './scenarios/history-paging';
import type { HumanWaitsResult } from './scenarios/human-waits';
import type { LatencyResult } from './scenarios/latency';
import type { LiveStatusResult } from './scenarios/live-status';
import type { MemoryResult } from './scenarios/memory';
import type { NodeOverheadResult } from './scenarios/node-overhead';
import type { RerunResult } from './scenarios/rerun';
import type { ThroughputResult } from './scenarios/throughput';

type Memory = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

/** One `npm run bench` run as written to bench/results/<date>.json. */
export interface BenchResults {
  date: string;
  environment: Awaited<ReturnType<typeof describeEnvironment>>;
  scenarios: {
    node_overhead?: NodeOverheadResult & { memory: Memory };
    throughput?: ThroughputResult & { memory: Memory };
    latency?: LatencyResult & { memory: Memory };
    history_paging?: HistoryPagingResult & { memory: Memory };
    live_status?: LiveStatusResult & { memory: Memory };
    memory?: MemoryResult & { memory: Memory };
    human_waits?: HumanWaitsResult & { memory: Memory };
    rerun?: RerunResult & { memory: Memory };
  };
  not_measured: string[];
}
