/** A node a re-run takes from the run it re-runs instead of running it: its recorded output, or its skip. */
export type ReusedNode = { status: 'completed'; output: unknown } | { status: 'skipped' };

/** The records of a re-run's reused nodes, written with the run's start. */
export interface ReusedRecords {
  /** The run re-run: reused nodes' inputs are copied from its rows. */
  sourceExecutionId: string;
  nodes: Array<{ id: string; type: string } & ReusedNode>;
}
