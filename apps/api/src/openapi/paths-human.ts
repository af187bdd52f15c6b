import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AnswerBody, ListWaitsQuery } from '../routes/human-waits';
import { json, operation } from './operation-kit';
import { AnswerLink, AnswerLinkAnswered, AnswerLinkView, NodeAnswered, WaitPage } from './human-responses';

const tags = ['human nodes'];
const NODE = '/api/v1/executions/{id}/nodes/{node_id}';
const LINK = '/api/v1/answers/{token}';

/** Waits of human nodes: the caller's inbox, answering a node, and single-use answer links that need no token. */
export const humanPaths: ZodOpenApiPathsObject = {
  '/api/v1/waits': {
    get: operation('/api/v1/waits', {
      operationId: 'listWaits',
      tags,
      summary: "The caller's waits across runs (as owner or assignee), newest first",
      query: ListWaitsQuery,
      ok: { 200: json(WaitPage, 'one page of waits') },
    }),
  },
  [`${NODE}/answer`]: {
    post: operation(`${NODE}/answer`, {
      operationId: 'answerNode',
      tags,
      summary: 'Answer a waiting human node (once; 422 when the answer breaks its form)',
      body: AnswerBody,
      bodyExample: { answer: { approved: true } },
      rateLimited: true,
      errors: [404, 409],
      ok: { 200: json(NodeAnswered, 'the answer was recorded') },
    }),
  },
  [`${NODE}/answer-links`]: {
    post: operation(`${NODE}/answer-links`, {
      operationId: 'createAnswerLink',
      tags,
      summary: 'A single-use link to answer the node without a token (the token is shown once)',
      rateLimited: true,
      errors: [404, 409],
      ok: {
        201: json(AnswerLink, 'the link', {
          links: {
            ReadAnswerLink: { operationId: 'readAnswerLink', parameters: { token: '$response.body#/token' } },
            AnswerWithLink: { operationId: 'answerWithLink', parameters: { token: '$response.body#/token' } },
          },
        }),
      },
    }),
  },
  [LINK]: {
    get: operation(LINK, {
      operationId: 'readAnswerLink',
      tags,
      public: true,
      summary: 'What the link asks',
      errors: [404, 410, 422, 503],
      ok: { 200: json(AnswerLinkView, 'the prompt and form') },
    }),
    post: operation(LINK, {
      operationId: 'answerWithLink',
      tags,
      public: true,
      summary: 'Answer through the link (once)',
      body: AnswerBody,
      errors: [404, 410, 503],
      ok: { 200: json(AnswerLinkAnswered, 'the answer was recorded') },
    }),
  },
};

