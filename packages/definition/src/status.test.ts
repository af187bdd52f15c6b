import { EXECUTION_STATUSES, EXECUTION_TRANSITIONS, LIVE_STATUSES, TERMINAL_STATUSES, cannotControlMessage, isTerminal } from './status';

describe('execution statuses', () => {
  it('are each either live or terminal, never both', () => {
    for (const status of EXECUTION_STATUSES) expect(LIVE_STATUSES.includes(status)).toBe(!isTerminal(status));
    expect(LIVE_STATUSES.length + TERMINAL_STATUSES.size).toBe(EXECUTION_STATUSES.length);
  });

  it('lead nowhere once terminal, and every live status can end', () => {
    for (const status of TERMINAL_STATUSES) expect(EXECUTION_TRANSITIONS[status]).toEqual([]);
    for (const status of LIVE_STATUSES) expect(EXECUTION_TRANSITIONS[status]).toEqual(expect.arrayContaining([...TERMINAL_STATUSES]));
  });

  it('word a refused control action the same way everywhere', () => {
    expect(cannotControlMessage('pause', 'cancelled')).toBe('cannot pause an execution that is cancelled');
    expect(cannotControlMessage('stop', 'stopping')).toBe('cannot stop an execution that is stopping');
  });
});
