import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { PageQuery } from '../paging/paging';
import { CreateWorkflowBody, UpdateWorkflowBody } from '../routes/workflows';
import { HELLO_WORKFLOW } from './examples';
import { json, operation } from './operation-kit';
import { Workflow, WorkflowPage } from './responses';

const P = '/api/v1/workflows';

const toWorkflow = (name: string) => ({ operationId: name, parameters: { id: '$response.body#/id' } });
const workflowLinks = {
  GetWorkflow: toWorkflow('getWorkflow'),
  UpdateWorkflow: toWorkflow('updateWorkflow'),
  DeleteWorkflow: toWorkflow('deleteWorkflow'),
  ListRunHistory: toWorkflow('listRunHistory'),
  StartExecution: { operationId: 'startExecution', requestBody: { workflow_id: '$response.body#/id' } },
  CreateTestSession: { operationId: 'createTestSession', requestBody: { workflowId: '$response.body#/id' } },
};

/** /api/v1/workflows: saved workflow definitions. */
export const workflowPaths: ZodOpenApiPathsObject = {
  [P]: {
    post: operation(P, {
      operationId: 'createWorkflow',
      tags: ['workflows'],
      summary: 'Save a workflow',
      description: 'The definition is checked as a whole: 422 lists every problem (schema, graph and expressions) at once.',
      body: CreateWorkflowBody,
      bodyExample: { name: 'hello', definition: HELLO_WORKFLOW },
      rateLimited: true,
      ok: { 201: json(Workflow, 'the saved workflow, version 1', { links: workflowLinks }) },
    }),
    get: operation(P, {
      operationId: 'listWorkflows',
      tags: ['workflows'],
      summary: "List the caller's workflows, newest first",
      query: PageQuery,
      ok: { 200: json(WorkflowPage, 'one page of workflows') },
    }),
  },
  [`${P}/{id}`]: {
    get: operation(`${P}/{id}`, {
      operationId: 'getWorkflow',
      tags: ['workflows'],
      summary: 'Read a workflow',
      errors: [404],
      ok: { 200: json(Workflow, 'the workflow') },
    }),
    put: operation(`${P}/{id}`, {
      operationId: 'updateWorkflow',
      tags: ['workflows'],
      summary: 'Update a workflow',
      description: 'Give at least one of name, description and definition; a new definition bumps the version (runs keep the version they started with).',
      body: UpdateWorkflowBody,
      bodyExample: { description: 'greets by name' },
      rateLimited: true,
      errors: [404],
      ok: { 200: json(Workflow, 'the updated workflow') },
    }),
    delete: operation(`${P}/{id}`, {
      operationId: 'deleteWorkflow',
      tags: ['workflows'],
      summary: 'Delete a workflow (its executions stay readable)',
      rateLimited: true,
      errors: [404],
      ok: { 204: { description: 'deleted' } },
    }),
  },
};
