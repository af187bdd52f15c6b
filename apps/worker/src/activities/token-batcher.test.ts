import { MAX_TOKEN_PAYLOAD_BYTES, type TokenDelta } from '@trellis/db';
import { createTokenBatcher } from './token-batcher';

const source = { execution_id: 'exec-1', node_id: 'llm_1', attempt: 1 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(delayMs = 0) {
  const batches: TokenDelta[][] = [];
  const errors: unknown[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const publish = async (deltas: TokenDelta[]) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await sleep(delayMs);
    batches.push(deltas);
    inFlight--;
  };
  return { batches, errors, publish, onError: (e: unknown) => errors.push(e), maxInFlight: () => maxInFlight };
}

describe('createTokenBatcher', () => {
  it('sends the deltas of one interval as one delta, numbered from 0', async () => {
    const out = recorder();
    const batcher = createTokenBatcher(source, { ...out, intervalMs: 30 });
    batcher.push('Hel');
    batcher.push('lo');
    await sleep(60);
    batcher.push(', world');
    await batcher.close();
    expect(out.batches.flat()).toEqual([
      { ...source, index: 0, delta: 'Hello' },
      { ...source, index: 1, delta: ', world' },
    ]);
  });

  it('publishes one batch at a time and in order, even when publishing is slower than the interval', async () => {
    const out = recorder(25);
    const batcher = createTokenBatcher(source, { ...out, intervalMs: 5 });
    for (let i = 0; i < 20; i++) {
      batcher.push(`${i},`);
      await sleep(3);
    }
    await batcher.close();
    const deltas = out.batches.flat();
    expect(out.maxInFlight()).toBe(1);
    expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
    expect(deltas.map((d) => d.delta).join('')).toBe(Array.from({ length: 20 }, (_, i) => `${i},`).join(''));
  });

  it('splits a long delta into consecutive payloads that fit a NOTIFY', async () => {
    const out = recorder();
    const batcher = createTokenBatcher(source, out);
    batcher.push('x'.repeat(20_000));
    await batcher.close();
    const deltas = out.batches.flat();
    expect(deltas.map((d) => d.index)).toEqual([0, 1, 2]);
    for (const delta of deltas) expect(Buffer.byteLength(JSON.stringify(delta))).toBeLessThan(MAX_TOKEN_PAYLOAD_BYTES);
  });

  it('reports a failed publish and carries on with the next batch', async () => {
    const batches: TokenDelta[][] = [];
    const errors: unknown[] = [];
    let calls = 0;
    const publish = async (deltas: TokenDelta[]) => {
      if (++calls === 1) throw new Error('database away');
      batches.push(deltas);
    };
    const batcher = createTokenBatcher(source, { publish, onError: (e) => errors.push(e), intervalMs: 5 });
    batcher.push('lost');
    await sleep(20);
    batcher.push('kept');
    await batcher.close();
    expect(errors).toHaveLength(1);
    expect(batches.flat()).toEqual([{ ...source, index: 1, delta: 'kept' }]);
  });

  it('sends nothing for an attempt without tokens, and ignores tokens after close', async () => {
    const out = recorder();
    const batcher = createTokenBatcher(source, out);
    await batcher.close();
    batcher.push('late');
    await sleep(70);
    expect(out.batches).toEqual([]);
  });
});
