import { AnswerLinkAnswered, AnswerLinkView } from '../openapi/human-responses';
import { json } from '../openapi/operation-kit';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { answerWithLink, readAnswerLink } from '../services/answer-links';
import { AnswerBody } from './human-waits';

const LINK = '/api/v1/answers/{token}';
const tags = ['human nodes'];

/**
 * /api/v1/answers/{token}, without a JWT: the link is the credential. GET shows what is asked; POST answers once
 * (410 after use, after the wait expired or closed; 422 with every problem when the answer breaks the form). Having
 * no user, the requests count against a budget per client address (429 past it).
 */
export const answerLinkRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: LINK,
    operationId: 'readAnswerLink',
    tags,
    public: true,
    rateLimit: 'answer-link',
    summary: 'What the link asks',
    errors: [404, 410, 422, 503],
    ok: { 200: json(AnswerLinkView, 'the prompt and form') },
    handler: async ({ deps, params, res }) => {
      res.set('Cache-Control', 'no-store').json(await readAnswerLink(deps, params.token));
    },
  }),
  apiRoute({
    method: 'post',
    path: LINK,
    operationId: 'answerWithLink',
    tags,
    public: true,
    rateLimit: 'answer-link',
    summary: 'Answer through the link (once)',
    body: AnswerBody,
    errors: [404, 410, 503],
    ok: { 200: json(AnswerLinkAnswered, 'the answer was recorded') },
    handler: async ({ deps, params, body, res }) => {
      res.set('Cache-Control', 'no-store').json(await answerWithLink(deps, params.token, body.answer));
    },
  }),
];
