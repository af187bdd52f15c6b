import { ConfigInvalidError, InputInvalidError } from './errors';
import { inputExecutor } from './input';
import { contextWith, fakeDeps, runInput } from './test-helpers';

const { deps } = fakeDeps();
const schema = {
  type: 'object',
  properties: { topic: { type: 'string' }, tone: { type: 'string', default: 'neutral' } },
  required: ['topic'],
};

describe('inputExecutor', () => {
  it('outputs the execution input when the node has no schema', async () => {
    const result = await inputExecutor(runInput('input', {}, contextWith({ input: { topic: 'tea' } })), deps);
    expect(result).toEqual({ output: { topic: 'tea' } });
  });

  it('outputs null when there is no input and no schema', async () => {
    const result = await inputExecutor(runInput('input', {}, contextWith({ input: undefined })), deps);
    expect(result.output).toBeNull();
  });

  it('outputs valid input with the schema defaults filled in', async () => {
    const result = await inputExecutor(runInput('input', { schema }, contextWith({ input: { topic: 'tea' } })), deps);
    expect(result.output).toEqual({ topic: 'tea', tone: 'neutral' });
  });

  it('does not mutate the caller input', async () => {
    const input = { topic: 'tea' };
    await inputExecutor(runInput('input', { schema }, contextWith({ input })), deps);
    expect(input).toEqual({ topic: 'tea' });
  });

  it('fails with INPUT_INVALID listing each problem', async () => {
    const error = await inputExecutor(runInput('input', { schema }, contextWith({ input: { tone: 5 } })), deps).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputInvalidError);
    expect((error as InputInvalidError).details).toEqual({
      problems: [
        { path: '$.topic', message: 'is required' },
        { path: '$.tone', message: 'must be string, not number' },
      ],
    });
  });

  it('fails with CONFIG_INVALID when the schema itself is malformed', async () => {
    const input = runInput('input', { schema: { type: 'strnig' } }, contextWith({ input: 'x' }));
    await expect(inputExecutor(input, deps)).rejects.toBeInstanceOf(ConfigInvalidError);
  });
});
