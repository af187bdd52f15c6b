import { ExpressionError, LlmProviderUnknownError, OutputInvalidError } from './errors';
import { llmExecutor } from './llm';
import { createEchoProvider } from './llm/echo';
import type { LlmProvider, LlmRequest } from './llm/provider';
import { contextWith, fakeDeps, runInput } from './test-helpers';

/** A provider that records requests and replies with fixed text. */
function scriptedProvider(name: string, text: string) {
  const requests: LlmRequest[] = [];
  const provider: LlmProvider = {
    name,
    defaultModel: `${name}-model`,
    async complete(request) {
      requests.push(request);
      return {
        text,
        model: request.model ?? `${name}-model`,
        provider: name,
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      };
    },
  };
  return { provider, requests };
}

const chatContext = contextWith({
  input: { question: 'Why is the sky blue?', persona: 'a physicist' },
  messages: [
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: 'Hi! Ask me anything.' },
  ],
});

describe('llmExecutor', () => {
  it('sends the rendered system prompt, the chat history and the rendered prompt, in that order', async () => {
    const { provider, requests } = scriptedProvider('scripted', 'Rayleigh scattering.');
    const config = { system: 'You are {{ input.persona }}.', messages: 'messages', prompt: 'Q: {{ input.question }}' };
    await llmExecutor(runInput('llm', config, chatContext), fakeDeps([provider]).deps);
    expect(requests[0]!.messages).toEqual([
      { role: 'system', content: 'You are a physicist.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! Ask me anything.' },
      { role: 'user', content: 'Q: Why is the sky blue?' },
    ]);
  });

  it('outputs text, model and provider, and reports the provider usage', async () => {
    const { provider } = scriptedProvider('scripted', 'Rayleigh scattering.');
    const result = await llmExecutor(runInput('llm', { prompt: 'hi', model: 'big' }, chatContext), fakeDeps([provider]).deps);
    expect(result).toEqual({
      output: { text: 'Rayleigh scattering.', model: 'big', provider: 'scripted' },
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    });
  });

  it('passes the model settings and the cancellation signal to the provider', async () => {
    const { provider, requests } = scriptedProvider('scripted', 'ok');
    const { deps } = fakeDeps([provider]);
    const config = { prompt: 'hi', model: 'm', temperature: 0.2, max_tokens: 50, stop: ['END'], response_format: 'text' };
    await llmExecutor(runInput('llm', config, chatContext), deps);
    expect(requests[0]).toMatchObject({ model: 'm', temperature: 0.2, max_tokens: 50, stop: ['END'], response_format: 'text' });
    expect(requests[0]!.signal).toBe(deps.signal);
  });

  it('uses the registry default provider when the node names none, and the named one otherwise', async () => {
    const first = scriptedProvider('first', 'one');
    const second = scriptedProvider('second', 'two');
    const { deps } = fakeDeps([first.provider, second.provider]);
    expect((await llmExecutor(runInput('llm', { prompt: 'x' }), deps)).output).toMatchObject({ provider: 'first' });
    expect((await llmExecutor(runInput('llm', { prompt: 'x', provider: 'second' }), deps)).output).toMatchObject({ text: 'two' });
  });

  it('fails with LLM_PROVIDER_UNKNOWN for a provider the worker does not have', async () => {
    const error = await llmExecutor(runInput('llm', { prompt: 'x', provider: 'nope' }), fakeDeps().deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmProviderUnknownError);
    expect((error as LlmProviderUnknownError).details).toEqual({ provider: 'nope' });
  });

  it('passes streamed text deltas on to deps.onToken, in order, adding up to the output text', async () => {
    const { deps } = fakeDeps([createEchoProvider()]);
    const deltas: string[] = [];
    const result = await llmExecutor(runInput('llm', { prompt: 'one two three' }), { ...deps, onToken: (d) => deltas.push(d) });
    expect(deltas).toEqual(['[echo] ', 'one ', 'two ', 'three']);
    expect(deltas.join('')).toBe((result.output as { text: string }).text);
  });

  it('heartbeats as tokens arrive', async () => {
    const { deps, heartbeats } = fakeDeps([createEchoProvider()]);
    await llmExecutor(runInput('llm', { prompt: 'one two three' }), deps);
    expect(heartbeats).toEqual([{ tokens: 1 }, { tokens: 2 }, { tokens: 3 }, { tokens: 4 }]);
  });

  it('parses a JSON reply into output.json when response_format is json', async () => {
    const { provider } = scriptedProvider('scripted', '```json\n{"colour": "blue"}\n```');
    const config = { prompt: 'x', response_format: 'json' };
    const result = await llmExecutor(runInput('llm', config), fakeDeps([provider]).deps);
    expect(result.output).toMatchObject({ json: { colour: 'blue' } });
  });

  it('fails with OUTPUT_INVALID keeping the raw text when a JSON reply does not parse', async () => {
    const { provider } = scriptedProvider('scripted', 'Sure! Here it is: {colour: blue}');
    const error = await llmExecutor(runInput('llm', { prompt: 'x', response_format: 'json' }), fakeDeps([provider]).deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputInvalidError);
    expect((error as OutputInvalidError).retryable).toBe(false);
    expect((error as OutputInvalidError).details).toMatchObject({ text: 'Sure! Here it is: {colour: blue}' });
  });

  it('fails with OUTPUT_INVALID when a JSON reply does not match json_schema', async () => {
    const { provider } = scriptedProvider('scripted', '{"colour": 3}');
    const config = { prompt: 'x', response_format: 'json', json_schema: { type: 'object', properties: { colour: { type: 'string' } } } };
    const error = await llmExecutor(runInput('llm', config), fakeDeps([provider]).deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputInvalidError);
    expect((error as OutputInvalidError).details).toMatchObject({
      text: '{"colour": 3}',
      problems: [{ path: '$.colour', message: 'must be string, not number' }],
    });
  });

  it('checks a JSON reply against the keywords a schema may use, filling its defaults', async () => {
    const jsonSchema = {
      type: 'object',
      properties: {
        colour: { type: 'string', pattern: '^#[0-9a-f]{6}$' },
        kind: { oneOf: [{ const: 'warm' }, { const: 'cool' }] },
        shade: { type: 'string', default: 'matte' },
      },
      required: ['colour', 'kind'],
    };
    const config = { prompt: 'x', response_format: 'json', json_schema: jsonSchema };
    const good = await llmExecutor(
      runInput('llm', config),
      fakeDeps([scriptedProvider('scripted', '{"colour": "#ff8800", "kind": "warm"}').provider]).deps,
    );
    expect(good.output).toMatchObject({ json: { colour: '#ff8800', kind: 'warm', shade: 'matte' } });
    const { provider } = scriptedProvider('scripted', '{"colour": "orange", "kind": "hot"}');
    const error = await llmExecutor(runInput('llm', config), fakeDeps([provider]).deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputInvalidError);
    expect((error as OutputInvalidError).details?.problems).toEqual(
      expect.arrayContaining([
        { path: '$.colour', message: 'must match pattern "^#[0-9a-f]{6}$"' },
        { path: '$.kind', message: 'must match exactly one schema in oneOf' },
      ]),
    );
  });

  it('fails with EXPRESSION_ERROR when config.messages yields something other than chat turns', async () => {
    const config = { prompt: 'x', messages: '[{"role": "robot", "content": 1}]' };
    const error = await llmExecutor(runInput('llm', config), fakeDeps().deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).details.reason).toBe('result');
  });

  it('accepts a single chat turn from config.messages', async () => {
    const { provider, requests } = scriptedProvider('scripted', 'ok');
    const config = { prompt: 'x', messages: 'messages[0]' };
    await llmExecutor(runInput('llm', config, chatContext), fakeDeps([provider]).deps);
    expect(requests[0]!.messages).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'user', content: 'x' },
    ]);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    const { deps } = fakeDeps([createEchoProvider()], controller.signal);
    await expect(llmExecutor(runInput('llm', { prompt: 'x' }), deps)).rejects.toThrow('cancelled by user');
  });
});
