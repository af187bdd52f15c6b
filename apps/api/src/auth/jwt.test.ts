import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, mintToken, verifyToken } from './jwt';

const secret = 'unit-test-secret-that-is-long-enough!!';

describe('verifyToken', () => {
  it('accepts an HS256 token with sub and exp and returns the user id', () => {
    expect(verifyToken(mintToken({ sub: 'alice', secret }), { secret })).toBe('alice');
  });

  it('rejects tokens without exp, without sub, expired, or signed with another key', () => {
    const cases = [
      jwt.sign({ sub: 'a' }, secret),
      jwt.sign({}, secret, { expiresIn: 60 }),
      jwt.sign({ sub: 'a', exp: Math.floor(Date.now() / 1000) - 1 }, secret),
      jwt.sign({ sub: 'a' }, 'some-other-secret-that-is-long-enough', { expiresIn: 60 }),
    ];
    for (const token of cases) expect(() => verifyToken(token, { secret })).toThrow(InvalidTokenError);
  });

  it('checks issuer and audience when configured', () => {
    const token = mintToken({ sub: 'a', secret, issuer: 'trellis', audience: 'api' });
    expect(verifyToken(token, { secret, issuer: 'trellis', audience: 'api' })).toBe('a');
    expect(() => verifyToken(token, { secret, issuer: 'someone-else' })).toThrow(InvalidTokenError);
    expect(() => verifyToken(token, { secret, audience: 'other' })).toThrow(InvalidTokenError);
  });

  describe('with RS256', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

    it('accepts a token signed with the private key', () => {
      const token = jwt.sign({ sub: 'bob' }, privateKey, { algorithm: 'RS256', expiresIn: 60 });
      expect(verifyToken(token, { publicKey: publicPem })).toBe('bob');
    });

    it('rejects an HS256 token signed with the public key as the secret (algorithm confusion)', () => {
      const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: 'mallory', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
      const signature = createHmac('sha256', publicPem).update(`${header}.${payload}`).digest('base64url');
      expect(() => verifyToken(`${header}.${payload}.${signature}`, { publicKey: publicPem })).toThrow(InvalidTokenError);
    });

    it('rejects alg none', () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: 'x', exp: 9_999_999_999 })).toString('base64url');
      expect(() => verifyToken(`${header}.${payload}.`, { publicKey: publicPem })).toThrow(InvalidTokenError);
    });
  });
});
