import { findUnstorableText, isStorableText, toStorableText, toStorableValue } from './storable-text';

describe('storable text', () => {
  it('accepts ordinary text, emoji and other surrogate pairs', () => {
    expect(isStorableText('héllo 👋 𝄞 \u0001 \ufffd')).toBe(true);
    expect(findUnstorableText({ a: ['x', { '👋': 'y' }], n: 1, b: null, t: true })).toBeUndefined();
  });

  it('refuses NUL and unpaired surrogates wherever they are', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\ud800')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
    expect(isStorableText('\udc00\ud800')).toBe(false);
  });

  it('names the path of the first unstorable string or key', () => {
    expect(findUnstorableText('\u0000')).toBe('');
    expect(findUnstorableText({ a: { b: ['ok', 'bad\u0000'] } })).toBe('a.b[1]');
    expect(findUnstorableText({ ok: 1, ['k\u0000ey']: 1 })).toBe('k\ufffdey');
    expect(findUnstorableText([{ x: '\ud83d' }])).toBe('[0].x');
  });

  it('walks deeply nested values without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toMatch(/^(\[0\]){50000}$/);
  });

  it('replaces each unstorable character with U+FFFD and keeps pairs', () => {
    expect(toStorableText('a\u0000b\ud800c👋')).toBe('a\ufffdb\ufffdc👋');
  });

  it('copies a value with its unstorable strings and keys replaced, and returns a clean one as it is', () => {
    const clean = { a: ['x'] };
    expect(toStorableValue(clean)).toBe(clean);
    expect(toStorableValue({ ['k\u0000']: ['v\ud800', 1, null], ok: true })).toEqual({ 'k\ufffd': ['v\ufffd', 1, null], ok: true });
  });
});
