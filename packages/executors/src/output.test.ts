import { outputExecutor } from './output';
import { contextWith, fakeDeps, runInput } from './test-helpers';

const { deps } = fakeDeps();
const context = contextWith({ nodes: { a: { text: 'from a' }, b: [1, 2] } });

describe('outputExecutor', () => {
  it('outputs the value of its expression when it has one', async () => {
    const result = await outputExecutor(runInput('output', { expression: '{"answer": nodes.a.text}' }, context, ['a']), deps);
    expect(result).toEqual({ output: { answer: 'from a' } });
  });

  it('outputs the output of its single taken predecessor', async () => {
    const result = await outputExecutor(runInput('output', {}, context, ['a']), deps);
    expect(result).toEqual({ output: { text: 'from a' } });
  });

  it('outputs an object keyed by predecessor id when several were taken', async () => {
    const result = await outputExecutor(runInput('output', {}, context, ['a', 'b']), deps);
    expect(result).toEqual({ output: { a: { text: 'from a' }, b: [1, 2] } });
  });

  it('outputs null for a predecessor without output, without reading inherited properties', async () => {
    const result = await outputExecutor(runInput('output', {}, context, ['constructor']), deps);
    expect(result).toEqual({ output: null });
  });

  it('outputs a copy, so later changes to the context do not leak into it', async () => {
    const result = await outputExecutor(runInput('output', {}, context, ['a']), deps);
    (result.output as { text: string }).text = 'changed';
    expect(context.nodes.a).toEqual({ text: 'from a' });
  });
});
