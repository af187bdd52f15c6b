import { createEchoProvider } from './echo';
import type { LlmRequest } from './provider';

function request(fields: Partial<LlmRequest> = {}): LlmRequest {
  return {
    messages: [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'an answer' },
      { role: 'user', content: 'what is  up' },
    ],
    signal: new AbortController().signal,
    ...fields,
  };
}

describe('echo provider', () => {
  const echo = createEchoProvider();

  it('replies with the last user message, visibly labelled', async () => {
    const response = await echo.complete(request());
    expect(response).toMatchObject({ text: '[echo] what is  up', model: 'echo-1', provider: 'echo' });
  });

  it('counts whitespace-separated tokens as usage', async () => {
    const { usage } = await echo.complete(request());
    expect(usage).toEqual({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 });
  });

  it('reports the requested model', async () => {
    await expect(echo.complete(request({ model: 'echo-2' }))).resolves.toMatchObject({ model: 'echo-2' });
  });

  it('replies with JSON when asked for JSON', async () => {
    const { text } = await echo.complete(request({ response_format: 'json' }));
    expect(JSON.parse(text)).toEqual({ echo: 'what is  up' });
  });

  it('emits its reply word by word, and the words add up to the text', async () => {
    const deltas: string[] = [];
    const { text } = await echo.complete(request({ onToken: (delta) => deltas.push(delta) }));
    expect(deltas).toEqual(['[echo] ', 'what ', 'is  ', 'up']);
    expect(deltas.join('')).toBe(text);
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(echo.complete(request({ signal: controller.signal }))).rejects.toThrow('stop');
  });

  it('stops emitting tokens once aborted mid-reply', async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const onToken = (delta: string) => {
      deltas.push(delta);
      if (deltas.length === 2) controller.abort(new Error('stop'));
    };
    await expect(echo.complete(request({ signal: controller.signal, onToken }))).rejects.toThrow('stop');
    expect(deltas).toHaveLength(2);
  });
});
