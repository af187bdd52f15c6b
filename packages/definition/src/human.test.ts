import { canControl, canTransition } from './status';
import { validateDefinition } from './validate';

/** in → review (human, with `config`) → out. */
function withHuman(config: Record<string, unknown>) {
  return {
    nodes: [
      { id: 'in', type: 'input' },
      { id: 'review', type: 'human', config },
      { id: 'out', type: 'output' },
    ],
    edges: [
      { source: 'in', target: 'review' },
      { source: 'review', target: 'out' },
    ],
  };
}

function problemsOf(config: Record<string, unknown>) {
  const result = validateDefinition(withHuman(config));
  return result.ok ? [] : result.problems.map((p) => ({ code: p.code, path: p.path.join('.') }));
}

describe('human node config', () => {
  it('accepts a prompt template with a form, assignees, a timeout and a default answer', () => {
    const config = {
      prompt: 'Approve {{ input.amount }}?',
      form: { type: 'object', properties: { ok: { type: 'boolean' } } },
      assignees: ['ada'],
      timeout_ms: 3_600_000,
      on_timeout: 'continue',
      default_answer: { ok: false },
    };
    expect(problemsOf(config)).toEqual([]);
  });

  it('reports a broken prompt template, an implausible form and a wait longer than 30 days', () => {
    expect(problemsOf({ prompt: 'Approve {{ input.amount ?', form: { type: 'thing' }, timeout_ms: 31 * 86_400_000 })).toEqual(
      expect.arrayContaining([
        { code: 'INVALID_CONFIG', path: 'nodes.1.config.timeout_ms' },
        { code: 'TEMPLATE_SYNTAX', path: 'nodes.1.config.prompt' },
        { code: 'INVALID_CONFIG', path: 'nodes.1.config.form.type' },
      ]),
    );
  });

  it('refuses a default answer unless the node continues on timeout, and a prompt-less node', () => {
    expect(problemsOf({ prompt: 'ok?', default_answer: 1 })).toEqual([{ code: 'INVALID_CONFIG', path: 'nodes.1.config.default_answer' }]);
    expect(problemsOf({})).toEqual([{ code: 'INVALID_CONFIG', path: 'nodes.1.config.prompt' }]);
  });
});

describe('waiting in the transition table', () => {
  it('lets a waiting run be paused, stopped or cancelled, and resume only from a pause', () => {
    expect(['pause', 'stop', 'cancel'].map((action) => canControl('waiting', action as 'pause'))).toEqual([true, true, true]);
    expect(canControl('waiting', 'resume')).toBe(false);
    expect(canControl('paused', 'resume')).toBe(true);
    expect(canControl('running', 'resume')).toBe(false);
  });

  it('moves between running, waiting and paused, and never out of an ending', () => {
    expect(canTransition('running', 'waiting')).toBe(true);
    expect(canTransition('waiting', 'running')).toBe(true);
    expect(canTransition('paused', 'waiting')).toBe(true);
    expect(canTransition('completed', 'waiting')).toBe(false);
    expect(canTransition('pending', 'waiting')).toBe(false);
  });
});
