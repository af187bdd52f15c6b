import { parseWsTarget } from './ws-target';

describe('parseWsTarget', () => {
  it('reads /ws and /api/v1/ws as the all-executions stream', () => {
    expect(parseWsTarget('/ws')).toEqual({ kind: 'all' });
    expect(parseWsTarget('/api/v1/ws/')).toEqual({ kind: 'all' });
  });

  it('reads the execution id, percent-decoded, from /ws/:id and /api/v1/ws/:id', () => {
    expect(parseWsTarget('/ws/exec-1')).toEqual({ kind: 'execution', executionId: 'exec-1' });
    expect(parseWsTarget('/api/v1/ws/a%3Ab')).toEqual({ kind: 'execution', executionId: 'a:b' });
  });

  it('rejects other paths and undecodable ids', () => {
    for (const path of ['/', '/wss', '/ws/a/b', '/api/v2/ws', '/api/v1/executions', '/ws/%E0%A4%A']) {
      expect(parseWsTarget(path)).toBeUndefined();
    }
  });
});
