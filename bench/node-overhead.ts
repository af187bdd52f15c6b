// `npm run bench:nodes`: scenario 1 only (per-node overhead vs plain Temporal); the full harness is bench/run.ts.
process.env.BENCH_ONLY = 'node_overhead';
require('./run');
