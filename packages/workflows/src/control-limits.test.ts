import { ApplicationFailure } from '@temporalio/workflow';
import { CONTROL_LIMIT, createPauseLimit } from './control-limits';

describe('pause limit', () => {
  it('allows pauses up to the limit and refuses the next with CONTROL_LIMIT', () => {
    const limit = createPauseLimit(2);
    for (let i = 0; i < 2; i++) {
      expect(() => limit.check()).not.toThrow();
      limit.counted();
    }
    let refused: unknown;
    try {
      limit.check();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: CONTROL_LIMIT, nonRetryable: true, details: [{ limit: 2 }] });
  });
});
