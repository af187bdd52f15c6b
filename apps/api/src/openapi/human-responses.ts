import { z } from 'zod';

const Timestamp = z.string().describe('ISO 8601');
const Form = z.unknown().describe('JSON Schema the answer must match');

/** A wait of a human node, as the caller's inbox lists it. */
export const Wait = z
  .object({
    execution_id: z.string(),
    workflow_id: z.string(),
    node_id: z.string(),
    prompt: z.string(),
    form: Form,
    assignees: z.array(z.string()),
    created_at: Timestamp,
    expires_at: Timestamp,
    status: z.enum(['open', 'answered', 'expired', 'cancelled']),
    answered_by: z.string().nullable(),
    answered_at: Timestamp.nullable(),
  })
  .meta({ id: 'Wait' });

export const WaitPage = z
  .object({
    items: z.array(Wait),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last page'),
  })
  .meta({ id: 'WaitPage' });

/** POST …/answer: the recorded answer. */
export const NodeAnswered = z
  .object({ execution_id: z.string(), node_id: z.string(), answered_by: z.string(), answered_at: Timestamp, answer: z.unknown() })
  .meta({ id: 'NodeAnswered' });

/** POST …/answer-links: the single-use link (its token is shown only here). */
export const AnswerLink = z
  .object({ token: z.string(), url: z.string(), execution_id: z.string(), node_id: z.string(), expires_at: Timestamp })
  .meta({ id: 'AnswerLink' });

/** GET /answers/{token}: what the link asks. */
export const AnswerLinkView = z
  .object({ node_id: z.string(), prompt: z.string(), form: Form, expires_at: Timestamp })
  .meta({ id: 'AnswerLinkView' });

/** POST /answers/{token}: the recorded answer. */
export const AnswerLinkAnswered = z
  .object({ node_id: z.string(), answered_at: Timestamp, answer: z.unknown() })
  .meta({ id: 'AnswerLinkAnswered' });
