/// <reference types="jest" />
import type { ExecutionEvent, NodeRecord } from '../../api/types';
import { nodeViews } from './node-states';

const event = (seq: number, type: string, node_id?: string): ExecutionEvent =>
  ({ type, seq, node_id, execution_id: 'e', level: 'info', message: type, timestamp: '2026-01-01T00:00:00Z' }) as ExecutionEvent;

describe('nodeViews', () => {
  it('takes each node’s latest event, shows retries, and leaves untouched nodes pending', () => {
    const views = nodeViews(
      ['in', 'llm', 'out'],
      [
        event(1, 'node.started', 'in'),
        event(2, 'node.completed', 'in'),
        event(3, 'node.started', 'llm'),
        event(4, 'node.attempt_failed', 'llm'),
      ],
      undefined,
      'running',
    );
    expect(views).toEqual({ in: { state: 'completed' }, llm: { state: 'running', stateLabel: 'retrying' }, out: { state: 'pending' } });
  });

  it('shows nodes that have not started as paused while the run is paused, and as not run once it ended early', () => {
    expect(nodeViews(['a'], [], undefined, 'paused').a).toEqual({ state: 'paused' });
    expect(nodeViews(['a'], [], undefined, 'stopped').a).toEqual({ state: 'skipped', stateLabel: 'not run' });
    expect(nodeViews(['a'], [], undefined, 'completed').a).toEqual({ state: 'pending' });
  });

  it('labels a re-run’s reused nodes, from their event or their record', () => {
    const reused = { ...event(1, 'node.reused', 'in'), status: 'completed' } as ExecutionEvent;
    const skipped = { ...event(2, 'node.reused', 'branch'), status: 'skipped' } as ExecutionEvent;
    const records = new Map([['in', { node_id: 'in', status: 'completed', reused: true } as NodeRecord]]);
    expect(nodeViews(['in', 'branch', 'out'], [reused, skipped], undefined, 'running')).toEqual({
      in: { state: 'completed', stateLabel: 'reused' },
      branch: { state: 'skipped', stateLabel: 'reused' },
      out: { state: 'pending' },
    });
    expect(nodeViews(['in', 'out'], [], records, 'completed').in).toEqual({ state: 'completed', stateLabel: 'reused' });
  });
});
