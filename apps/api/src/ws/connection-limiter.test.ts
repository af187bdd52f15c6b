import { ConnectionLimiter } from './connection-limiter';

describe('ConnectionLimiter', () => {
  it('allows up to the limit per user and frees a slot on release', () => {
    const limiter = new ConnectionLimiter(2);
    expect(limiter.tryAcquire('a')).toBe(true);
    expect(limiter.tryAcquire('a')).toBe(true);
    expect(limiter.tryAcquire('a')).toBe(false);
    expect(limiter.tryAcquire('b')).toBe(true);
    limiter.release('a');
    expect(limiter.tryAcquire('a')).toBe(true);
  });
});
