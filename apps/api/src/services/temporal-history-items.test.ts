import { defaultPayloadConverter } from '@temporalio/client';
import { temporalTimelineItems, type TemporalHistoryEvent } from './temporal-history-items';

const at = (second: number) => ({ seconds: 1_700_000_000 + second, nanos: 500_000_000 });
const payloads = (value: unknown) => ({ payloads: [defaultPayloadConverter.toPayload(value)] });

/** Builds a history event from the fields a test cares about (proto Longs accept plain numbers here). */
function event(eventId: number, second: number, attributes: Record<string, unknown>): TemporalHistoryEvent {
  return { eventId, eventTime: at(second), ...attributes } as unknown as TemporalHistoryEvent;
}

describe('temporalTimelineItems', () => {
  it('maps the workflow start with its type, task queue and time', () => {
    const [item] = temporalTimelineItems([
      event(1, 0, {
        workflowExecutionStartedEventAttributes: { workflowType: { name: 'graphWorkflow' }, taskQueue: { name: 'q1' }, attempt: 1 },
      }),
    ]);
    expect(item).toEqual({
      timestamp: new Date((1_700_000_000 + 0) * 1000 + 500).toISOString(),
      source: 'temporal',
      event: 'WorkflowExecutionStarted',
      status: 'running',
      message: 'workflow graphWorkflow started on task queue q1',
      data: { workflow_type: 'graphWorkflow', task_queue: 'q1', attempt: 1 },
    });
  });

  it('names the node of a runNode activity from its input and carries the attempt to later events', () => {
    const items = temporalTimelineItems([
      event(5, 1, {
        activityTaskScheduledEventAttributes: {
          activityId: '3',
          activityType: { name: 'runNode' },
          input: payloads({ executionId: 'e1', node: { id: 'shout', type: 'transform' } }),
        },
      }),
      event(6, 2, { activityTaskStartedEventAttributes: { scheduledEventId: 5, attempt: 2 } }),
      event(7, 3, { activityTaskCompletedEventAttributes: { scheduledEventId: 5, startedEventId: 6 } }),
    ]);
    expect(items.map((i) => [i.event, i.node_id, i.message])).toEqual([
      ['ActivityTaskScheduled', 'shout', 'activity runNode for node shout scheduled'],
      ['ActivityTaskStarted', 'shout', 'activity runNode for node shout started (attempt 2)'],
      ['ActivityTaskCompleted', 'shout', 'activity runNode for node shout completed'],
    ]);
    expect(items[2]!.data).toEqual({ activity_type: 'runNode', activity_id: '3', attempt: 2 });
  });

  it('falls back to the activity id when the input cannot be decoded', () => {
    const [scheduled] = temporalTimelineItems([
      event(5, 1, {
        activityTaskScheduledEventAttributes: {
          activityId: '9',
          activityType: { name: 'runNode' },
          input: { payloads: [{ metadata: { encoding: Buffer.from('binary/encrypted') }, data: Buffer.from('xx') }] },
        },
      }),
    ]);
    expect(scheduled!.node_id).toBeUndefined();
    expect(scheduled!.data).toEqual({ activity_type: 'runNode', activity_id: '9' });
  });

  it('reports failed and timed-out activities with their reason', () => {
    const items = temporalTimelineItems([
      event(5, 1, {
        activityTaskScheduledEventAttributes: {
          activityId: '1',
          activityType: { name: 'runNode' },
          input: payloads({ node: { id: 'llm' } }),
        },
      }),
      event(6, 2, { activityTaskStartedEventAttributes: { scheduledEventId: 5, attempt: 3 } }),
      event(7, 3, {
        activityTaskFailedEventAttributes: { scheduledEventId: 5, startedEventId: 6, failure: { message: 'upstream exploded' } },
      }),
      event(8, 4, { activityTaskScheduledEventAttributes: { activityId: '2', activityType: { name: 'recordNodeFailed' } } }),
      event(9, 5, { activityTaskTimedOutEventAttributes: { scheduledEventId: 8, failure: { message: 'activity StartToClose timeout' } } }),
    ]);
    expect(items[2]).toMatchObject({
      event: 'ActivityTaskFailed',
      node_id: 'llm',
      message: 'activity runNode for node llm failed: upstream exploded',
      data: { attempt: 3, error: 'upstream exploded' },
    });
    expect(items[4]).toMatchObject({
      event: 'ActivityTaskTimedOut',
      message: 'activity recordNodeFailed timed out: activity StartToClose timeout',
    });
  });

  it('names updates on acceptance and completion, including a rejected outcome', () => {
    const items = temporalTimelineItems([
      event(10, 1, {
        workflowExecutionUpdateAcceptedEventAttributes: {
          protocolInstanceId: 'u1',
          acceptedRequest: { meta: { updateId: 'u1' }, input: { name: 'pause' } },
        },
      }),
      event(11, 2, {
        workflowExecutionUpdateCompletedEventAttributes: {
          acceptedEventId: 10,
          meta: { updateId: 'u1' },
          outcome: { success: payloads({}) },
        },
      }),
      event(12, 3, {
        workflowExecutionUpdateAcceptedEventAttributes: { acceptedRequest: { meta: { updateId: 'u2' }, input: { name: 'resume' } } },
      }),
      event(13, 4, {
        workflowExecutionUpdateCompletedEventAttributes: {
          acceptedEventId: 12,
          meta: { updateId: 'u2' },
          outcome: { failure: { message: 'nope' } },
        },
      }),
    ]);
    expect(items.map((i) => i.message)).toEqual([
      'update pause accepted',
      'update pause completed',
      'update resume accepted',
      'update resume failed: nope',
    ]);
    expect(items[0]!.data).toEqual({ update: 'pause', update_id: 'u1' });
  });

  it('maps signals, cancellation requests and timers', () => {
    const items = temporalTimelineItems([
      event(1, 1, { workflowExecutionSignaledEventAttributes: { signalName: 'poke' } }),
      event(2, 2, { workflowExecutionCancelRequestedEventAttributes: {} }),
      event(3, 3, { timerStartedEventAttributes: { timerId: '1', startToFireTimeout: { seconds: 2, nanos: 500_000_000 } } }),
      event(4, 4, { timerFiredEventAttributes: { timerId: '1' } }),
    ]);
    expect(items.map((i) => [i.event, i.message])).toEqual([
      ['WorkflowExecutionSignaled', 'signal poke received'],
      ['WorkflowExecutionCancelRequested', 'cancellation requested'],
      ['TimerStarted', 'timer 1 started (2500 ms)'],
      ['TimerFired', 'timer 1 fired'],
    ]);
  });

  it('maps every way a run ends to a status, reading stopped from the graph result', () => {
    const ends = temporalTimelineItems([
      event(1, 1, { workflowExecutionCompletedEventAttributes: { result: payloads({ status: 'stopped', output: null }) } }),
      event(2, 2, { workflowExecutionCompletedEventAttributes: {} }),
      event(3, 3, { workflowExecutionFailedEventAttributes: { failure: { message: 'node out failed' } } }),
      event(4, 4, { workflowExecutionCanceledEventAttributes: {} }),
      event(5, 5, { workflowExecutionTerminatedEventAttributes: { reason: 'operator' } }),
      event(6, 6, { workflowExecutionTimedOutEventAttributes: {} }),
    ]);
    expect(ends.map((i) => [i.event, i.status])).toEqual([
      ['WorkflowExecutionCompleted', 'stopped'],
      ['WorkflowExecutionCompleted', 'completed'],
      ['WorkflowExecutionFailed', 'failed'],
      ['WorkflowExecutionCanceled', 'cancelled'],
      ['WorkflowExecutionTerminated', 'terminated'],
      ['WorkflowExecutionTimedOut', 'timed_out'],
    ]);
    expect(ends[2]!.message).toBe('workflow failed: node out failed');
    expect(ends[4]!.message).toBe('workflow terminated: operator');
  });

  it('leaves out workflow-task bookkeeping', () => {
    const items = temporalTimelineItems([
      event(2, 1, { workflowTaskScheduledEventAttributes: {} }),
      event(3, 1, { workflowTaskStartedEventAttributes: {} }),
      event(4, 1, { workflowTaskCompletedEventAttributes: {} }),
    ]);
    expect(items).toEqual([]);
  });
});
