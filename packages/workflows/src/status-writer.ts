import { workflowInfo } from '@temporalio/workflow';
import type { ExecutionStatus } from '@trellis/definition/pure';
import type { ExecutionRef, GraphActivities, RecordStatusInput } from './activity-types';
import type { ReusedRecords } from './rerun-contract';

/** Writes a re-run's reused nodes, with the start when given, on their own. */
export type ReuseWrite = (reuse: ReusedRecords, start: RecordStatusInput | undefined) => Promise<void>;

/**
 * Writes a run's status changes in the order the workflow decided them. The first is the start: written on its own
 * (writeStart), or taken (takeStart) by the first write that carries it (the run's first chain, or a re-run's reused
 * nodes), which calls startWritten once it is. A re-run's reused nodes may be held to go with the start
 * (holdReuse): whatever takes the start takes them too. Every later change waits for the one before.
 */
export class StatusWriter {
  private eventCounter = 0;
  private writes: Promise<unknown>;
  private startRecorded!: () => void;
  private pendingStart: RecordStatusInput | undefined;
  private pendingReuse: ReusedRecords | undefined;

  constructor(
    private readonly ref: ExecutionRef,
    private readonly records: Pick<GraphActivities, 'recordExecutionStatus'>,
    private readonly writeReuse: ReuseWrite,
  ) {
    this.writes = new Promise<void>((resolve) => (this.startRecorded = resolve));
    this.pendingStart = this.change('running', 'execution.started', 'execution started', { runId: workflowInfo().runId });
  }

  /** A status change with its own event key, for a write to carry. */
  change(next: ExecutionStatus, eventType: string, text: string, extra: object = {}): RecordStatusInput {
    return { ...this.ref, status: next, eventKey: `${eventType}:${++this.eventCounter}`, eventType, message: text, ...extra };
  }

  get startPending(): boolean {
    return this.pendingStart !== undefined;
  }

  /** Hands the unwritten start to a write that carries it; call startWritten once that write has ended. */
  takeStart(): RecordStatusInput | undefined {
    const start = this.pendingStart;
    this.pendingStart = undefined;
    return start;
  }

  /** Holds a re-run's reused nodes until the start is written, to be written with it. */
  holdReuse(reuse: ReusedRecords): void {
    this.pendingReuse = reuse;
  }

  get reusePending(): boolean {
    return this.pendingReuse !== undefined;
  }

  /** Hands the held reused nodes to the write that takes the start. */
  takeReuse(): ReusedRecords | undefined {
    const reuse = this.pendingReuse;
    this.pendingReuse = undefined;
    return reuse;
  }

  startWritten(): void {
    this.startRecorded();
  }

  /** Writes the start (with the held reused nodes) on its own, unless something took it already. */
  async writeStart(): Promise<void> {
    const start = this.takeStart();
    const reuse = this.takeReuse();
    try {
      if (reuse) await this.writeReuse(reuse, start);
      else if (start) await this.records.recordExecutionStatus(start);
    } finally {
      this.startWritten();
    }
  }

  /** Writes a status change after every earlier one. */
  record(next: ExecutionStatus, eventType: string, text: string, extra: object = {}): Promise<boolean> {
    const write = this.writes.then(() => this.records.recordExecutionStatus(this.change(next, eventType, text, extra)));
    this.writes = write.catch(() => undefined);
    return write;
  }
}
