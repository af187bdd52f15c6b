import { TrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('takes a hop count, or addresses, subnets and named ranges', () => {
    expect(TrustProxy.parse('1')).toBe(1);
    expect(TrustProxy.parse('loopback')).toBe('loopback');
    expect(TrustProxy.parse(' 10.0.0.0/8, 192.168.1.5 ,fd00::/8,uniquelocal')).toBe('10.0.0.0/8,192.168.1.5,fd00::/8,uniquelocal');
  });

  it('refuses trusting every proxy and anything that is not an address', () => {
    for (const value of ['true', '*', '10.0.0.0/33', '10.0.0.1/8/1', 'proxy.internal', '', '::1/129']) {
      expect(TrustProxy.safeParse(value).success).toBe(false);
    }
  });
});
