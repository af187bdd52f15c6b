import { MAX_TOKEN_PAYLOAD_BYTES, parseTokenDelta, splitTokenText, type TokenDelta } from './tokens';

const envelope = { execution_id: 'exec-0123456789', node_id: 'summarize', attempt: 2 };

function payloadBytes(delta: string, index = 99_999): number {
  return Buffer.byteLength(JSON.stringify({ ...envelope, index, delta } satisfies TokenDelta));
}

describe('splitTokenText', () => {
  it('keeps a short text whole', () => {
    expect(splitTokenText('Hello, world', envelope)).toEqual(['Hello, world']);
  });

  it.each([
    ['ASCII', 'a'.repeat(20_000)],
    ['quotes and newlines (escaped to two bytes)', '"\n'.repeat(6_000)],
    ['control characters (escaped to six bytes)', '\u0001'.repeat(3_000)],
    ['multi-byte characters and emoji', 'é✓😀'.repeat(2_000)],
  ])('splits long %s into pieces that each fit a NOTIFY payload and add up to the text', (_kind, text) => {
    const pieces = splitTokenText(text, envelope);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(payloadBytes(piece)).toBeLessThanOrEqual(MAX_TOKEN_PAYLOAD_BYTES);
  });

  it('never cuts a surrogate pair in half', () => {
    for (const piece of splitTokenText('😀'.repeat(5_000), envelope)) expect(piece).toMatch(/^(?:😀)+$/u);
  });
});

describe('parseTokenDelta', () => {
  it('reads a well-formed payload', () => {
    const delta = { ...envelope, index: 3, delta: 'hi' };
    expect(parseTokenDelta(JSON.stringify(delta))).toEqual(delta);
  });

  it('returns undefined for malformed payloads', () => {
    expect(parseTokenDelta('not json')).toBeUndefined();
    expect(parseTokenDelta('null')).toBeUndefined();
    expect(parseTokenDelta(JSON.stringify({ ...envelope, index: '3', delta: 'x' }))).toBeUndefined();
  });
});
