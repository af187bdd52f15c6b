import { conditionExecutor } from './condition';
import { ExpressionError } from './errors';
import { contextWith, fakeDeps, runInput } from './test-helpers';

const { deps } = fakeDeps();
const context = contextWith({ input: { score: 7, name: 'Ada', empty: '', zero: 0, list: [1], nothing: null } });

async function branchOf(expression: string) {
  return conditionExecutor(runInput('condition', { expression }, context), deps);
}

describe('conditionExecutor', () => {
  it('takes the true branch when the expression is true', async () => {
    await expect(branchOf('input.score > 5')).resolves.toEqual({ output: { result: true }, branch: 'true' });
  });

  it('takes the false branch when the expression is false', async () => {
    await expect(branchOf('input.score > 10')).resolves.toEqual({ output: { result: false }, branch: 'false' });
  });

  it.each(['input.missing', 'input.nothing', 'input.zero', 'input.empty'])(
    'takes the false branch for the falsy value of %s',
    async (expression) => {
      await expect(branchOf(expression)).resolves.toEqual({ output: { result: false }, branch: 'false' });
    },
  );

  it.each(['input.name', 'input.score', 'input.list', '{"a": 1}'])(
    'takes the true branch for the truthy value of %s',
    async (expression) => {
      await expect(branchOf(expression)).resolves.toEqual({ output: { result: true }, branch: 'true' });
    },
  );

  it('fails with EXPRESSION_ERROR when the expression does not parse', async () => {
    await expect(branchOf('input.score >')).rejects.toBeInstanceOf(ExpressionError);
  });
});
