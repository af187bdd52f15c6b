// `npm run bench:nodes`: per-node overhead of a linear chain of no-op transform nodes run through the
// platform (API start → completed, every record and event written). Prints figures; asserts nothing.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { openDatabase, findExecution } from '@trellis/db';
import { startTemporalDevServer } from '@trellis/devstack';
import { createProviderRegistry } from '@trellis/executors';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startExecution } from '../apps/api/src/services/start-execution';
import type { ApiDeps } from '../apps/api/src/services/deps';
import { createTrellisWorker } from '../apps/worker/src/worker';

const CHAIN_LENGTH = Number(process.env.BENCH_CHAIN ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function chain(length: number) {
  const nodes = [{ id: 'n0', type: 'input' as const, config: {} }];
  for (let i = 1; i < length - 1; i++) nodes.push({ id: `n${i}`, type: 'transform' as never, config: { expression: '1' } as never });
  nodes.push({ id: `n${length - 1}`, type: 'output' as never, config: {} });
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i]!.id, target: n.id }));
  return { nodes, edges };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const server = process.env.TEMPORAL_ADDRESS ? undefined : await startTemporalDevServer();
  const address = process.env.TEMPORAL_ADDRESS ?? server!.address;
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  await database.migrate();
  const log = pino({ level: 'silent' });
  const taskQueue = `bench-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await createTrellisWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db: database.db, llm: createProviderRegistry({}), log });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const deps = {
    database,
    temporal: new Client({ connection }),
    log,
    hub: new EventHub(database, log),
    jwt: {},
    settings: { namespace: 'default', taskQueue, temporalUiUrl: '', syncWaitMs: 60_000, bodyLimit: '1mb' },
  } as ApiDeps;
  const definition = chain(CHAIN_LENGTH) as never;
  const timings: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const { execution } = await startExecution(deps, {
      ownerId: 'bench',
      workflow: { id: 'bench-chain', name: 'bench', version: 1, definition },
      inputData: {},
      mode: 'async',
    });
    await deps.temporal.workflow.getHandle(execution.id).result();
    const row = await findExecution(database.db, execution.id);
    if (row?.status !== 'completed') throw new Error(`run ended ${row?.status}`);
    if (run > 0) timings.push(performance.now() - started); // run 0 warms up
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)]!;
  console.log(
    JSON.stringify({
      scenario: 'linear chain of no-op nodes, regular activities',
      nodes: CHAIN_LENGTH,
      runs: RUNS,
      database: database.kind,
      median_ms: Math.round(median),
      per_node_ms: +(median / CHAIN_LENGTH).toFixed(1),
      min_ms: Math.round(timings[0]!),
      max_ms: Math.round(timings.at(-1)!),
    }),
  );
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
  await database.close();
  await server?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
