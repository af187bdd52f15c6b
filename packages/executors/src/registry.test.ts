import type { NodeDefinition } from '@trellis/definition';
import { conditionExecutor } from './condition';
import { ConfigInvalidError } from './errors';
import { inputExecutor } from './input';
import { llmExecutor } from './llm';
import { outputExecutor } from './output';
import { executorFor, executeNode } from './registry';
import { contextWith, fakeDeps, runInput } from './test-helpers';
import { transformExecutor } from './transform';

const { deps } = fakeDeps();

describe('executorFor', () => {
  it('returns the executor of each node type', () => {
    expect(executorFor('input')).toBe(inputExecutor);
    expect(executorFor('llm')).toBe(llmExecutor);
    expect(executorFor('condition')).toBe(conditionExecutor);
    expect(executorFor('transform')).toBe(transformExecutor);
    expect(executorFor('output')).toBe(outputExecutor);
  });
});

describe('executeNode', () => {
  it('runs the executor for the node type', async () => {
    const context = contextWith({ input: { n: 2 } });
    await expect(executeNode(runInput('transform', { expression: 'input.n * 21' }, context), deps)).resolves.toEqual({ output: 42 });
  });

  it('runs an llm node against the echo provider end to end', async () => {
    const result = await executeNode(runInput('llm', { prompt: 'Say {{ input.word }}' }, contextWith({ input: { word: 'hi' } })), deps);
    expect(result.output).toEqual({ text: '[echo] Say hi', model: 'echo-1', provider: 'echo' });
    expect(result.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('fails with CONFIG_INVALID when the config does not fit the node type, before running anything', async () => {
    const error = await executeNode(runInput('condition', { expression: 'true', extra: 1 }), deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect((error as ConfigInvalidError).details).toEqual({ issues: [expect.objectContaining({ path: '' })] });
    expect((error as ConfigInvalidError).message).toContain('condition_1');
  });

  it('fails with CONFIG_INVALID naming the field at fault', async () => {
    const error = await executeNode(runInput('llm', { prompt: 'x', temperature: 9 }), deps).catch((e: unknown) => e);
    expect((error as ConfigInvalidError).details).toEqual({ issues: [expect.objectContaining({ path: 'temperature' })] });
  });

  it('fails with CONFIG_INVALID for a node type it does not know', async () => {
    const node = { id: 'x', type: 'webhook', config: {} } as unknown as NodeDefinition;
    await expect(executeNode({ node, context: contextWith(), predecessors: [] }, deps)).rejects.toBeInstanceOf(ConfigInvalidError);
  });
});
