import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ExecutionRef, RunNodeInput } from './activity-types';

/** An answer to a waiting human node; the API has checked who may answer and validated it against the form. */
export interface HumanAnswerInput {
  nodeId: string;
  answer: unknown;
  /** The answering user's id, or `link` for an answer link. */
  answeredBy: string;
}

/** What an accepted answer reports back once it is recorded. */
export interface HumanAnswerResult {
  node_id: string;
  answered_by: string;
  answered_at: string;
}

/**
 * Answers a waiting human node. The validator refuses (ApplicationFailure of a HumanWaitErrors type) unless the node
 * is waiting and the run takes answers, so of concurrent answers exactly one is accepted; the rest learn who won. An
 * answer to a human node the run has yet to start is held until it starts (human-wait.ts says when that happens).
 */
export const answerHumanUpdate = defineUpdate<HumanAnswerResult, [HumanAnswerInput]>('answerHuman');

/** Sent to a parent workflow (a test session) when a node of its child run starts waiting. */
export interface HumanWaitOpened {
  executionId: string;
  nodeId: string;
  prompt: string;
}
export const humanWaitOpenedSignal = defineSignal<[HumanWaitOpened]>('humanWaitOpened');

export interface OpenHumanWaitInput extends RunNodeInput {
  ownerId: string;
  /** Workflow time when the node was reached, and when its wait runs out (ISO 8601). */
  createdAt: string;
  expiresAt: string;
}

export interface CloseHumanWaitInput extends ExecutionRef {
  node: Pick<RunNodeInput['node'], 'id' | 'type'>;
  /** answered: a person answered; expired: it timed out (with `continue`, into its default answer); cancelled: withdrawn. */
  outcome: 'answered' | 'expired' | 'cancelled';
  /** The node's output, when it completes (answered, or expired with `continue`). */
  output?: unknown;
  answeredBy?: string | null;
  answeredAt?: string;
  totalNodes: number;
}

/** The activities behind human nodes; the worker implements them (apps/worker/src/activities/human-activities.ts). */
export interface HumanWaitActivities {
  /** Renders the prompt and records the wait: node row `waiting`, the inbox row, `node.started` and `node.waiting`. */
  openHumanWait(input: OpenHumanWaitInput): Promise<{ prompt: string }>;
  /** Closes the wait; with an output the node completes with it (`node.answered` or `node.expired`, `node.completed`). */
  closeHumanWait(input: CloseHumanWaitInput): Promise<void>;
}
