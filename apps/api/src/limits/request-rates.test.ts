import { apiRouteGroups } from '../api-routes';
import { rateClassFinder } from './request-rates';

const routes = apiRouteGroups({ metricsOnApiPort: true });
const classOf = rateClassFinder([...routes.authenticated, ...routes.testSessions]);
const rateClassOf = (method: string, path: string) => classOf(method, `/api/v1${path}`);

describe('the rate classes the routes declare', () => {
  it('counts starts, test-session messages and /execute against the start budget', () => {
    expect(rateClassOf('POST', '/executions')).toBe('start');
    expect(rateClassOf('POST', '/executions/')).toBe('start');
    expect(rateClassOf('POST', '/execute')).toBe('start');
    expect(rateClassOf('POST', '/workflow-test/sessions/s1/messages')).toBe('start');
  });

  it('counts every other write (saves, control actions, deletes, session changes) against the write budget', () => {
    for (const [method, path] of [
      ['POST', '/workflows'],
      ['PUT', '/workflows/w1'],
      ['DELETE', '/workflows/w1'],
      ['POST', '/executions/e1/pause'],
      ['POST', '/executions/e1/cancel'],
      ['PUT', '/executions/e1'],
      ['POST', '/execute/e1/stop'],
      ['DELETE', '/workflows/w1/history'],
      ['POST', '/workflow-test/sessions'],
      ['PUT', '/workflow-test/sessions/s1/variables'],
    ])
      expect([method, path, rateClassOf(method!, path!)]).toEqual([method, path, 'write']);
  });

  it("counts reads of a run's Temporal history against the history budget, and leaves other reads free", () => {
    expect(rateClassOf('GET', '/executions/e1/history')).toBe('history');
    expect(rateClassOf('GET', '/executions/e1')).toBeUndefined();
    expect(rateClassOf('GET', '/executions')).toBeUndefined();
    expect(rateClassOf('GET', '/workflows/w1/history')).toBeUndefined();
    expect(rateClassOf('HEAD', '/executions/e1/history')).toBe('history');
  });

  it('leaves paths no route serves free (they answer 404 or 405)', () => {
    expect(rateClassOf('POST', '/no-such-route')).toBeUndefined();
    expect(rateClassOf('DELETE', '/executions/e1/nodes')).toBeUndefined();
  });
});
