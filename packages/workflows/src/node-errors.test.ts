import { ActivityFailure, ApplicationFailure, CancelledFailure, TimeoutFailure } from '@temporalio/workflow';
import { describeNodeError } from './node-errors';

const activityFailure = (cause: Error) =>
  new ActivityFailure(
    'activity failed',
    'runNode',
    '1',
    'MAXIMUM_ATTEMPTS_REACHED' as ConstructorParameters<typeof ActivityFailure>[3],
    undefined,
    cause,
  );

describe('describeNodeError', () => {
  it('names a cancelled node NODE_CANCELLED', () => {
    expect(describeNodeError(new CancelledFailure('cancelled'))).toEqual({ code: 'NODE_CANCELLED', message: 'node cancelled' });
  });

  it('keeps the type, message and first detail of an application failure behind an activity failure', () => {
    const cause = ApplicationFailure.create({ type: 'EXPRESSION_ERROR', message: 'bad expression', details: [{ at: 3 }] });
    expect(describeNodeError(activityFailure(cause))).toEqual({ code: 'EXPRESSION_ERROR', message: 'bad expression', details: { at: 3 } });
  });

  it('names a timed-out attempt NODE_TIMEOUT', () => {
    expect(
      describeNodeError(
        activityFailure(new TimeoutFailure('timed out', undefined, 'START_TO_CLOSE' as ConstructorParameters<typeof TimeoutFailure>[2])),
      ),
    ).toMatchObject({ code: 'NODE_TIMEOUT' });
  });

  it('falls back to NODE_FAILED with the message of anything else', () => {
    expect(describeNodeError(new Error('boom'))).toEqual({ code: 'NODE_FAILED', message: 'boom' });
    expect(describeNodeError('odd')).toEqual({ code: 'NODE_FAILED', message: 'odd' });
  });
});
