import {
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_HUMAN_WAIT_MS,
  HumanWaitErrors,
  type ExpressionContext,
  type HumanConfig,
  type NodeDefinition,
} from '@trellis/definition/pure';
import type { ExecutionRef, RunNodeOutput } from './activity-types';
import { answerHumanUpdate, humanWaitOpenedSignal, type HumanAnswerResult, type HumanWaitActivities } from './human-contract';
import { nodeLocalActivityOptions, RECORD_ACTIVITY_OPTIONS } from './node-activity-options';

/** What the graph workflow tells its human nodes, and hears back from them. */
export interface HumanWaitHost extends ExecutionRef {
  ownerId: string;
  totalNodes: number;
  /** Why the run takes no answers now (it is stopping or ending), or undefined while it does. */
  refusal(): string | undefined;
  /** Whether the run may still start the human node `nodeId` (it has not settled, and the run goes on). */
  mayReach(nodeId: string): boolean;
  /** Called whenever the number of open waits changes. */
  onOpenCountChange(open: number): void;
}

interface Wait {
  state: 'open' | 'answered' | 'expired' | 'closed';
  answer?: unknown;
  answeredBy?: string;
  answeredAt?: string;
  recorded: boolean;
  /** The node has started; until then the wait holds an answer that came early. */
  reached: boolean;
}

const refuse = (type: string, message: string, details?: unknown) =>
  ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });

/**
 * Human nodes of one run: each waits in workflow state (no activity, no worker slot) until the `answerHuman` update
 * delivers its answer or its timer runs out. Returns the function that runs one human node to its output.
 *
 * An answer may come before the node starts: a worker that died before its workflow task completed leaves the wait
 * recorded open while its replacement runs the workflow again from that task, and takes the answer first. The answer
 * is held until the node starts (and then completes it at once), or refused once the node cannot start any more.
 */
export function installHumanWaits(host: HumanWaitHost) {
  const waits = new Map<string, Wait>();
  const records = proxyLocalActivities<HumanWaitActivities>(RECORD_ACTIVITY_OPTIONS);
  let open = 0;

  setHandler(
    answerHumanUpdate,
    async ({ nodeId, answer, answeredBy }): Promise<HumanAnswerResult> => {
      // Set before any await, so a concurrent second answer's validator already sees it answered.
      const wait = waits.get(nodeId) ?? { state: 'open', recorded: false, reached: false };
      waits.set(nodeId, wait);
      wait.state = 'answered';
      wait.answer = answer;
      wait.answeredBy = answeredBy;
      wait.answeredAt = new Date().toISOString();
      await condition(() => wait.recorded || (!wait.reached && !host.mayReach(nodeId)));
      if (!wait.recorded) {
        waits.delete(nodeId);
        const why = host.refusal() ?? 'past it';
        throw refuse(HumanWaitErrors.closed, `node ${nodeId} takes no answers: the run is ${why}`);
      }
      return { node_id: nodeId, answered_by: answeredBy, answered_at: wait.answeredAt };
    },
    {
      validator: (args) => {
        const nodeId = args?.nodeId;
        const wait = typeof nodeId === 'string' ? waits.get(nodeId) : undefined;
        if (!wait && !(typeof nodeId === 'string' && host.mayReach(nodeId)))
          throw refuse(HumanWaitErrors.notWaiting, `node ${String(nodeId)} is not waiting for an answer`);
        if (wait?.state === 'answered') {
          // `same_answer` lets a caller whose earlier call went unconfirmed tell its own accepted answer from another's.
          const sameAnswer = args.answeredBy === wait.answeredBy && JSON.stringify(args.answer) === JSON.stringify(wait.answer);
          const details = { answered_by: wait.answeredBy, answered_at: wait.answeredAt, same_answer: sameAnswer };
          throw refuse(
            HumanWaitErrors.answered,
            `node ${nodeId} was already answered by ${wait.answeredBy} at ${wait.answeredAt}`,
            details,
          );
        }
        if (wait?.state === 'expired') throw refuse(HumanWaitErrors.expired, `the wait of node ${nodeId} has expired`);
        const refusal = wait?.state === 'closed' ? 'ended' : host.refusal();
        if (refusal) throw refuse(HumanWaitErrors.closed, `node ${nodeId} takes no answers: the run is ${refusal}`);
        if (typeof args.answeredBy !== 'string' || args.answeredBy === '')
          throw refuse(HumanWaitErrors.notWaiting, 'answeredBy is required');
      },
    },
  );

  const changeOpen = (by: number) => {
    open += by;
    host.onOpenCountChange(open);
  };

  /** Runs one human node: records the wait, waits for the answer or the deadline, records the outcome. */
  const run = async (node: NodeDefinition, context: ExpressionContext, predecessors: string[]): Promise<RunNodeOutput> => {
    const config = node.config as HumanConfig;
    const timeoutMs = config.timeout_ms ?? DEFAULT_HUMAN_WAIT_MS;
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + timeoutMs);
    const ref = { executionId: host.executionId, workflowId: host.workflowId };
    const close = (
      outcome: 'answered' | 'expired' | 'cancelled',
      extra: { output?: unknown; answeredBy?: string | null; answeredAt?: string } = {},
    ) =>
      CancellationScope.nonCancellable(() =>
        records.closeHumanWait({ ...ref, node: { id: node.id, type: node.type }, outcome, totalNodes: host.totalNodes, ...extra }),
      );
    // A node runs once per run: a wait already here holds an answer that came before the node started.
    const wait: Wait = waits.get(node.id) ?? { state: 'open', recorded: false, reached: false };
    wait.reached = true;
    waits.set(node.id, wait);
    let counted = false;
    try {
      const { prompt } = await proxyLocalActivities<HumanWaitActivities>(nodeLocalActivityOptions(node)).openHumanWait({
        ...ref,
        node,
        context,
        predecessors,
        totalNodes: host.totalNodes,
        ownerId: host.ownerId,
        createdAt: createdAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      await tellParent(host.executionId, node.id, prompt);
      counted = true;
      changeOpen(1);
      const answered = await condition(() => wait.state !== 'open', Math.max(1, expiresAt.getTime() - new Date().getTime()));
      if (answered) {
        await close('answered', { output: wait.answer, answeredBy: wait.answeredBy, answeredAt: wait.answeredAt });
        return { nodeId: node.id, output: wait.answer, durationMs: Math.max(0, Date.parse(wait.answeredAt!) - createdAt.getTime()) };
      }
      wait.state = 'expired';
      if (config.on_timeout === 'continue') {
        const output = config.default_answer ?? null;
        await close('expired', { output, answeredBy: null, answeredAt: new Date().toISOString() });
        return { nodeId: node.id, output, durationMs: timeoutMs };
      }
      await close('expired');
      throw ApplicationFailure.nonRetryable(`no answer within ${timeoutMs} ms`, HumanWaitErrors.timeout);
    } catch (error) {
      if (wait.state === 'open') {
        // Withdrawn (stop, cancel, a failure elsewhere) or never opened (the prompt failed to render).
        wait.state = 'closed';
        await close('cancelled');
      }
      throw error;
    } finally {
      wait.recorded = true;
      if (counted) changeOpen(-1);
    }
  };

  return { run, openCount: () => open, isOpen: (id: string) => waits.get(id)?.state === 'open' };
}

/** A run started by a test session tells it that it waits, so the turn can answer with the prompt at once. */
async function tellParent(executionId: string, nodeId: string, prompt: string): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(humanWaitOpenedSignal, { executionId, nodeId, prompt });
  } catch {
    // The session has ended: nobody is listening, and the run waits all the same.
  }
}
