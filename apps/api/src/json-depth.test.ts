import { exceedsDepth } from './json-depth';

describe('exceedsDepth', () => {
  it('counts objects and arrays as levels and ignores scalars', () => {
    expect(exceedsDepth({ a: [1, { b: 'x' }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [1, { b: { c: null } }] }, 3)).toBe(true);
    expect(exceedsDepth('text', 0)).toBe(false);
  });

  it('measures nesting far deeper than the call stack allows', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(exceedsDepth(deep, 100)).toBe(true);
    expect(exceedsDepth(deep, 200_000)).toBe(false);
  });
});
