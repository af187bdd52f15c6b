/** Baseline activities: no work at all, so a run measures Temporal's own scheduling cost. */
export const createBaselineActivities = () => ({
  async noop(): Promise<void> {},
  /** Returns the wall-clock time the activity began (ms), for "start → first activity running". */
  async startedAt(): Promise<number> {
    return Date.now();
  },
});
