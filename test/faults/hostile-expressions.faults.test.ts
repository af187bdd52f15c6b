import { EventHub } from '../../apps/api/src/events/event-hub';
import { startApiServer, type RunningApi } from '../../apps/api/src/server';
import { waitForStatus } from '../engine-helpers';
import { startTestStack, type TestStack } from '../stack';
import { call } from './http';
import { ms, recordOutcome } from './record';

// The API and the worker share this process, as under `npm start`: a runaway evaluated on the worker's thread
// would leave /healthz unanswered (it did for minutes with a nested-quantifier regex before the sandbox).

const USER = 'hx-expr';
const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });
const edge = (source: string, target: string) => ({ source, target });
const transform = (expression: string) => ({
  nodes: [node('in', 'input'), node('t', 'transform', { expression }), node('out', 'output')],
  edges: [edge('in', 't'), edge('t', 'out')],
});

/** Each expression from issue 14 (and two more one-call runaways) with the limit it must end on. */
const RUNAWAYS: Array<[string, string[]]> = [
  ['$string([1..10000000])', ['sequence']],
  ['$map([1..30], function($v){[1..10000000]})', ['sequence']],
  ['$pad("x", 50000000)', ['string']],
  ['$sort([1..1000000])', ['memory', 'time']],
  // RE2 stays linear, but over 8M characters its state can pass the heap limit before the time limit.
  ['$match($pad("", 4000000, "ab"), /((a|b)(b|a))+c/)', ['time', 'memory']],
  ['($f := function($x){$f($x)}; $f(1))', ['time']],
];

describe('hostile expressions: limits hold inside one call, the process keeps answering', () => {
  let stack: TestStack;
  let api: RunningApi;

  beforeAll(async () => {
    stack = await startTestStack();
    api = await startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  /** Saves and starts a workflow; resolves with the terminal row and the time from POST to it. */
  async function runToEnd(definition: unknown, input: unknown = {}) {
    const started = Date.now();
    const saved = await call(api.url, 'post', '/api/v1/workflows', { token: stack.tokenFor(USER), json: { name: 'hx', definition } });
    if (saved.status !== 201) {
      const problems = (saved.body.error?.details ?? []) as Array<{ code: string }>;
      return { outcome: `save refused: ${saved.status} ${problems.map((p) => p.code).join(', ')}`, ms: Date.now() - started };
    }
    const run = await call(api.url, 'post', '/api/v1/executions', {
      token: stack.tokenFor(USER),
      json: { workflow_id: saved.body.id, input_data: input },
    });
    expect(run.status).toBe(202);
    const row = await waitForStatus(stack, run.body.id as string, 'terminal', 60_000);
    const error = row.error as { code?: string; details?: { limit?: string; reason?: string } } | null;
    const outcome =
      row.status === 'failed'
        ? `failed ${error?.code} ${error?.details?.limit ?? error?.details?.reason ?? ''}`.trim()
        : `${row.status}, output ${JSON.stringify(row.outputData)}`;
    return { outcome, ms: Date.now() - started };
  }

  it('[M30] one-call runaways fail with EXPRESSION_LIMIT naming the limit while /healthz keeps answering', async () => {
    const rss = process.memoryUsage().rss;
    let probing = true;
    const probes: number[] = [];
    const probe = (async () => {
      while (probing) {
        const reply = await call(api.url, 'get', '/healthz');
        expect(reply.status).toBe(200);
        probes.push(reply.ms);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const outcomes = await Promise.all(RUNAWAYS.map(([expression]) => runToEnd(transform(expression))));
    probing = false;
    await probe;
    const growthMb = Math.round((process.memoryUsage().rss - rss) / 1e6);
    recordOutcome(
      'each run failed EXPRESSION_LIMIT with the limit named; /healthz answered throughout; the process did not grow by gigabytes',
      `${RUNAWAYS.map(([expression], i) => `\`${expression}\`: ${outcomes[i]!.outcome} in ${ms(outcomes[i]!.ms)}`).join('; ')}. ` +
        `/healthz: ${probes.length} probes, slowest ${ms(Math.max(...probes))}; process RSS ${growthMb >= 0 ? '+' : ''}${growthMb} MB`,
    );
    for (const [i, [, limits]] of RUNAWAYS.entries()) {
      expect(limits.map((limit) => `failed EXPRESSION_LIMIT ${limit}`)).toContain(outcomes[i]!.outcome);
    }
    expect(Math.max(...probes)).toBeLessThan(5_000);
    expect(growthMb).toBeLessThan(1_000);
  });

  it('[M31] nested-quantifier regexes run in linear time; a backreference RE2 cannot run is refused at save, or fails as a syntax problem when built by $eval', async () => {
    const cases = [
      `$match("${'a'.repeat(28)}!", /(a+)+$/)`,
      `$contains("${'a'.repeat(10_000)}!", /^(a|aa)*$/)`,
      `$replace("${'x'.repeat(10_000)}", /(x+x+)+y/, "-") = "${'x'.repeat(10_000)}"`,
    ];
    const outcomes = await Promise.all(cases.map((expression) => runToEnd(transform(expression))));
    const backreference = await runToEnd(transform('$match("abab", /(ab)\\1/)'));
    const built = await runToEnd(transform('$eval("$match(\\"abab\\", /(ab)\\\\1/)")'));
    recordOutcome(
      'completed in well under a second of matching; the backreference: 422 EXPRESSION_SYNTAX at save, failed EXPRESSION_ERROR syntax when built by $eval',
      `${outcomes.map((o) => `${o.outcome} in ${ms(o.ms)}`).join('; ')}; \`/(ab)\\1/\`: ${backreference.outcome}; through $eval: ${built.outcome}`,
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['completed, output null', 'completed, output false', 'completed, output true']);
    for (const { ms: took } of outcomes) expect(took).toBeLessThan(15_000);
    expect(backreference.outcome).toBe('save refused: 422 EXPRESSION_SYNTAX');
    expect(built.outcome).toBe('failed EXPRESSION_ERROR syntax');
  });

  it('[M32] outputs over NODE_OUTPUT_MAX_BYTES fail the node: an LLM reply with OUTPUT_TOO_LARGE, an expression with EXPRESSION_LIMIT output', async () => {
    const reply = await runToEnd({
      nodes: [
        node('in', 'input'),
        node('ask', 'llm', { provider: 'echo', prompt: '{{ $pad("", 600000, "x") }}{{ $pad("", 600000, "y") }}' }),
        node('out', 'output'),
      ],
      edges: [edge('in', 'ask'), edge('ask', 'out')],
    });
    const result = await runToEnd(transform('$map([1..100], function($v){$pad("", 20000, "x")})'));
    recordOutcome(
      'failed OUTPUT_TOO_LARGE; failed EXPRESSION_LIMIT output',
      `1.2 MB echo reply: ${reply.outcome}; 2 MB transform result: ${result.outcome}`,
    );
    expect(reply.outcome).toBe('failed OUTPUT_TOO_LARGE');
    expect(result.outcome).toBe('failed EXPRESSION_LIMIT output');
  });
});
