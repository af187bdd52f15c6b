import type { IncomingMessage } from 'node:http';
import { upgradeToken } from './upgrade-token';

const upgrade = (headers: Record<string, string>, path = '/ws') => {
  const req = { headers } as unknown as IncomingMessage;
  return upgradeToken(req, new URL(path, 'http://localhost'));
};

describe('upgradeToken', () => {
  it('reads the Authorization bearer token first', () => {
    expect(upgrade({ authorization: 'Bearer h', 'sec-websocket-protocol': 'bearer, p' }, '/ws?token=q')).toBe('h');
  });

  it('reads the token that follows the bearer subprotocol', () => {
    expect(upgrade({ 'sec-websocket-protocol': 'bearer, abc.def.ghi' })).toBe('abc.def.ghi');
    expect(upgrade({ 'sec-websocket-protocol': 'bearer' })).toBeUndefined();
  });

  it('falls back to ?token= and finds nothing when no token is given', () => {
    expect(upgrade({}, '/ws?token=q')).toBe('q');
    expect(upgrade({}, '/ws?token=')).toBeUndefined();
    expect(upgrade({ 'sec-websocket-protocol': 'chat' })).toBeUndefined();
  });
});
