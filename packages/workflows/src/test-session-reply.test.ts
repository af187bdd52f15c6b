import { MAX_REPLY_CHARS, replyOf } from './test-session-reply';

describe('replyOf', () => {
  it('uses a string output as the reply', () => {
    expect(replyOf('hi')).toEqual({ content: 'hi', needHumanTransfer: false });
  });

  it('reads the first reply field of an object and its needHumanTransfer flag', () => {
    expect(replyOf({ text: 't', reply: 'r', needHumanTransfer: true })).toEqual({ content: 'r', needHumanTransfer: true });
    expect(replyOf({ content: 'c', need_human_transfer: true })).toEqual({ content: 'c', needHumanTransfer: true });
  });

  it('falls back to JSON for objects without a reply field and for other values', () => {
    expect(replyOf({ score: 1 })).toEqual({ content: '{"score":1}', needHumanTransfer: false });
    expect(replyOf(42)).toEqual({ content: '42', needHumanTransfer: false });
    expect(replyOf(null)).toEqual({ content: '', needHumanTransfer: false });
  });

  it('ignores a truthy needHumanTransfer that is not true', () => {
    expect(replyOf({ reply: 'x', needHumanTransfer: 'yes' }).needHumanTransfer).toBe(false);
  });

  it('cuts a reply longer than the limit and marks the cut', () => {
    const { content } = replyOf({ reply: 'x'.repeat(MAX_REPLY_CHARS + 10) });
    expect(content).toHaveLength(MAX_REPLY_CHARS + 1);
    expect(content.endsWith('x…')).toBe(true);
  });
});
