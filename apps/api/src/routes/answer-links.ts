import { Router } from 'express';
import { answerWithLink, readAnswerLink } from '../services/answer-links';
import type { ApiDeps } from '../deps';
import { parseBody } from '../validation';
import { AnswerBody } from './human-waits';

/**
 * /answers/:token, without a JWT: the link is the credential. GET shows what is asked; POST answers once (410 after
 * use, after the wait expired or closed; 422 with every problem when the answer breaks the form).
 */
export function answerLinksRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await readAnswerLink(deps, req.params.token));
  });
  router.post('/:token', async (req, res) => {
    const body = parseBody(AnswerBody, req.body);
    res.set('Cache-Control', 'no-store').json(await answerWithLink(deps, req.params.token, body.answer));
  });
  return router;
}
