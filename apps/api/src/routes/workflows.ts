import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { validateDefinition, type WorkflowDefinition } from '@trellis/definition';
import { createWorkflow, deleteWorkflow, findWorkflow, listWorkflows, updateWorkflow, type Workflow } from '@trellis/db';
import { notFound, validationFailed } from '../errors';
import { HELLO_WORKFLOW } from '../openapi/examples';
import { json } from '../openapi/operation-kit';
import * as R from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
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

const P = '/api/v1/workflows';
const tags = ['workflows'];

const toWorkflow = (name: string) => ({ operationId: name, parameters: { id: '$response.body#/id' } });
const workflowLinks = {
  GetWorkflow: toWorkflow('getWorkflow'),
  UpdateWorkflow: toWorkflow('updateWorkflow'),
  DeleteWorkflow: toWorkflow('deleteWorkflow'),
  ListRunHistory: toWorkflow('listRunHistory'),
  StartExecution: { operationId: 'startExecution', requestBody: { workflow_id: '$response.body#/id' } },
  CreateTestSession: { operationId: 'createTestSession', requestBody: { workflowId: '$response.body#/id' } },
};

/** /api/v1/workflows: a user's saved workflow definitions. */
export const workflowRoutes: ApiRoute[] = [
  apiRoute({
    method: 'post',
    path: P,
    operationId: 'createWorkflow',
    tags,
    summary: 'Save a workflow',
    description: 'The definition is checked as a whole: 422 lists every problem (schema, graph and expressions) at once.',
    body: CreateWorkflowBody,
    bodyExample: { name: 'hello', definition: HELLO_WORKFLOW },
    rateLimit: 'write',
    ok: { 201: json(R.Workflow, 'the saved workflow, version 1', { links: workflowLinks }) },
    handler: async ({ deps, body, userId, res }) => {
      const definition = checkedDefinition(body.definition);
      const row = await createWorkflow(deps.database.db, {
        id: `wf_${randomUUID()}`,
        ownerId: userId,
        name: body.name,
        description: body.description,
        definition,
      });
      res.status(201).json(toWorkflowDto(row));
    },
  }),
  apiRoute({
    method: 'get',
    path: P,
    operationId: 'listWorkflows',
    tags,
    summary: "List the caller's workflows, newest first",
    query: PageQuery,
    ok: { 200: json(R.WorkflowPage, 'one page of workflows') },
    handler: async ({ deps, query, userId, res }) => {
      const { items, total } = await listWorkflows(deps.database.db, userId, { offset: (query.page - 1) * query.size, limit: query.size });
      res.json(pageOf(items.map(toWorkflowDto), total, query));
    },
  }),
  apiRoute({
    method: 'get',
    path: `${P}/{id}`,
    operationId: 'getWorkflow',
    tags,
    summary: 'Read a workflow',
    errors: [404],
    ok: { 200: json(R.Workflow, 'the workflow') },
    handler: async ({ deps, params, userId, res }) => {
      const row = await findWorkflow(deps.database.db, params.id, userId);
      if (!row) throw notFound('workflow', params.id);
      res.json(toWorkflowDto(row));
    },
  }),
  apiRoute({
    method: 'put',
    path: `${P}/{id}`,
    operationId: 'updateWorkflow',
    tags,
    summary: 'Update a workflow',
    description:
      'Give at least one of name, description and definition; a new definition bumps the version (runs keep the version they started with).',
    body: UpdateWorkflowBody,
    bodyExample: { description: 'greets by name' },
    rateLimit: 'write',
    errors: [404],
    ok: { 200: json(R.Workflow, 'the updated workflow') },
    handler: async ({ deps, params, body, userId, res }) => {
      const definition = body.definition === undefined ? undefined : checkedDefinition(body.definition);
      const row = await updateWorkflow(deps.database.db, { id: params.id, ownerId: userId, changes: { ...body, definition } });
      if (!row) throw notFound('workflow', params.id);
      res.json(toWorkflowDto(row));
    },
  }),
  apiRoute({
    method: 'delete',
    path: `${P}/{id}`,
    operationId: 'deleteWorkflow',
    tags,
    summary: 'Delete a workflow (its executions stay readable)',
    rateLimit: 'write',
    errors: [404],
    ok: { 204: { description: 'deleted' } },
    handler: async ({ deps, params, userId, res }) => {
      if (!(await deleteWorkflow(deps.database.db, params.id, userId))) throw notFound('workflow', params.id);
      res.status(204).end();
    },
  }),
];
