/// <reference types="jest" />
import { readFilters, toListQuery, writeFilters } from './run-filters';

describe('run filters', () => {
  it('round-trip through the URL and ignore values the list does not know', () => {
    const filters = { status: 'failed' as const, workflowId: 'wf_1', range: '24h' as const, includeTest: true };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
    expect(readFilters(new URLSearchParams('status=bogus&range=3y'))).toEqual({
      status: '',
      workflowId: '',
      range: 'any',
      includeTest: false,
    });
  });

  it('turn the time range into created_after and leave unset filters out', () => {
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(toListQuery({ status: '', workflowId: '', range: '24h', includeTest: false }, now)).toEqual({
      status: undefined,
      workflow_id: undefined,
      created_after: '2026-01-01T00:00:00.000Z',
      include_test: undefined,
    });
  });
});
