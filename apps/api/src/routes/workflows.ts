import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { validateDefinition, type WorkflowDefinition } from '@trellis/core';
import { createWorkflow, deleteWorkflow, findWorkflow, listWorkflows, updateWorkflow, type Workflow } from '@trellis/db';
import { notFound, validationFailed } from '../errors';
import type { ApiDeps } from '../deps';
import { parseBody, parseQuery } from '../validation';
import { pageOf, PageQuery } from '../paging/paging';

/** A workflow definition in a request: checked in full by checkedDefinition; the document shows its JSON Schema. */
export const DefinitionInput = z
  .unknown()
  .refine((value) => value !== undefined, 'definition is required')
  .meta({ override: { $ref: '#/components/schemas/WorkflowDefinition' } });

export const CreateWorkflowBody = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    definition: DefinitionInput,
  })
  .strict();

export const UpdateWorkflowBody = z
  .object({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    definition: DefinitionInput.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'give at least one of name, description and definition')
  .meta({ minProperties: 1 });

/** Validates a definition, answering 422 with every problem found. */
export function checkedDefinition(raw: unknown): WorkflowDefinition {
  const result = validateDefinition(raw);
  if (!result.ok) throw validationFailed('workflow definition is invalid', result.problems);
  return result.definition;
}

export function toWorkflowDto(row: Workflow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    definition: row.definition,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** /workflows: a user's saved workflow definitions. */
export function workflowsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps.database;

  router.post('/', async (req, res) => {
    const body = parseBody(CreateWorkflowBody, req.body);
    const definition = checkedDefinition(body.definition);
    const row = await createWorkflow(db, {
      id: `wf_${randomUUID()}`,
      ownerId: req.userId,
      name: body.name,
      description: body.description,
      definition,
    });
    res.status(201).json(toWorkflowDto(row));
  });

  router.get('/', async (req, res) => {
    const query = parseQuery(PageQuery, req.query);
    const { items, total } = await listWorkflows(db, req.userId, { offset: (query.page - 1) * query.size, limit: query.size });
    res.json(pageOf(items.map(toWorkflowDto), total, query));
  });

  router.get('/:id', async (req, res) => {
    const row = await findWorkflow(db, req.params.id, req.userId);
    if (!row) throw notFound('workflow', req.params.id);
    res.json(toWorkflowDto(row));
  });

  router.put('/:id', async (req, res) => {
    const body = parseBody(UpdateWorkflowBody, req.body);
    const definition = body.definition === undefined ? undefined : checkedDefinition(body.definition);
    const row = await updateWorkflow(db, req.params.id, req.userId, { ...body, definition });
    if (!row) throw notFound('workflow', req.params.id);
    res.json(toWorkflowDto(row));
  });

  router.delete('/:id', async (req, res) => {
    if (!(await deleteWorkflow(db, req.params.id, req.userId))) throw notFound('workflow', req.params.id);
    res.status(204).end();
  });

  return router;
}
