import { z } from 'zod';

/** One node of a test-session turn: input and output as text (JSON for non-strings). */
export const TestNodeDetail = z
  .object({
    nodeId: z.string(),
    nodeType: z.string(),
    input: z.string().nullable(),
    output: z.string().nullable(),
    durationMs: z.number(),
    success: z.boolean(),
    error: z.string().optional().describe("the node's error message when it failed"),
  })
  .meta({ id: 'TestNodeDetail' });

/** A message of a test session; `meta` only on assistant replies. */
export const TestMessage = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    timestamp: z.string(),
    meta: z
      .object({
        success: z.boolean(),
        durationMs: z.number(),
        errorMessage: z.string().nullable(),
        needHumanTransfer: z.boolean(),
        nodeDetails: z.array(TestNodeDetail),
        executionId: z.string().describe('the test execution behind this reply (GET /api/v1/executions/{id} shows it in full)'),
      })
      .nullable(),
  })
  .meta({ id: 'TestMessage' });

/** A chat-style test session of a saved workflow (camelCase, as the test-session API has always answered). */
export const TestSession = z
  .object({
    testSessionId: z.string(),
    workflowId: z.string(),
    workflowName: z.string(),
    messages: z.array(TestMessage),
    variables: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    lastActiveAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'TestSession' });

/** How the test-session routes answer their 4xx errors (`{status, error, message, code}`). */
export const TestSessionError = z
  .object({
    status: z.number().int(),
    error: z.string().describe('the HTTP reason phrase'),
    message: z.string(),
    code: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'TestSessionError' });
