import { setImmediate } from 'node:timers/promises';
import type { Usage } from '@trellis/definition';
import type { LlmProvider, LlmRequest } from './provider';

/** Deterministic offline provider: replies `[echo] <last user message>` (or `{"echo": ...}` for json). */
export function createEchoProvider(): LlmProvider {
  return {
    name: 'echo',
    defaultModel: 'echo-1',
    async complete(request) {
      request.signal.throwIfAborted();
      const said = lastUserMessage(request);
      const text = request.response_format === 'json' ? JSON.stringify({ echo: said }) : `[echo] ${said}`;
      for (const delta of text.split(/(?<=\s)(?=\S)/)) {
        await setImmediate(); // lets a cancellation arrive between tokens, as with a real stream
        request.signal.throwIfAborted();
        request.onToken?.(delta);
      }
      const prompt = request.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
      return { text, model: request.model ?? 'echo-1', provider: 'echo', usage: usageOf(prompt, countTokens(text)) };
    },
  };
}

function lastUserMessage(request: LlmRequest): string {
  return [...request.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
}

function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function usageOf(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
