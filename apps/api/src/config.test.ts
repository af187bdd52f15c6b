import { loadApiConfig } from './config';

describe('loading the API configuration', () => {
  const secret = 's'.repeat(32);

  it('takes an empty value as unset, as in an .env file', () => {
    const config = loadApiConfig({ JWT_SECRET: secret, DATABASE_URL: '', PORT: '', TRUST_PROXY: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.TRUST_PROXY).toBeUndefined();
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses', () => {
    expect(loadApiConfig({ JWT_SECRET: secret, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadApiConfig({ JWT_SECRET: secret, TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toBe('10.0.0.0/8,loopback');
  });
});
