/** Longest reply kept in the session; the run's full output stays on its execution. */
export const MAX_REPLY_CHARS = 8_000;

/** Fields of an object output read as the reply text, in this order. */
export const REPLY_FIELDS = ['reply', 'content', 'text', 'message', 'answer', 'output'] as const;

/**
 * The assistant message a run's output becomes: a string as is; for an object, its first string field
 * among REPLY_FIELDS (else the object as JSON); `needHumanTransfer` (or `need_human_transfer`) when
 * the output sets it to true. Replies longer than MAX_REPLY_CHARS are cut there and end with `…`.
 */
export function replyOf(output: unknown): { content: string; needHumanTransfer: boolean } {
  const reply = untruncatedReplyOf(output);
  if (reply.content.length <= MAX_REPLY_CHARS) return reply;
  return { ...reply, content: `${reply.content.slice(0, MAX_REPLY_CHARS)}…` };
}

function untruncatedReplyOf(output: unknown): { content: string; needHumanTransfer: boolean } {
  if (typeof output === 'string') return { content: output, needHumanTransfer: false };
  if (output === null || output === undefined) return { content: '', needHumanTransfer: false };
  if (typeof output !== 'object' || Array.isArray(output)) return { content: JSON.stringify(output), needHumanTransfer: false };
  const record = output as Record<string, unknown>;
  const field = REPLY_FIELDS.find((name) => typeof record[name] === 'string');
  return {
    content: field ? (record[field] as string) : JSON.stringify(output),
    needHumanTransfer: record.needHumanTransfer === true || record.need_human_transfer === true,
  };
}
