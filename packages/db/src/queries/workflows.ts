import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { WorkflowDefinition } from '@trellis/definition';
import type { Database, DbOrTx } from '../client';
import { workflowVersions, workflows } from '../schema/workflows';

export type Workflow = typeof workflows.$inferSelect;

export interface CreateWorkflowParams {
  id: string;
  ownerId: string;
  name: string;
  description?: string | null;
  definition: WorkflowDefinition;
}

/** Saves a new workflow at version 1 (and its first version row). */
export async function createWorkflow(db: Database, params: CreateWorkflowParams): Promise<Workflow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(workflows)
      .values({ ...params, description: params.description ?? null, version: 1 })
      .returning();
    await tx.insert(workflowVersions).values({ workflowId: params.id, version: 1, definition: params.definition });
    return row!;
  });
}

/** The owner's workflow unless deleted; another owner's reads as absent. */
export async function findWorkflow(db: DbOrTx, id: string, ownerId: string): Promise<Workflow | undefined> {
  const rows = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.ownerId, ownerId), isNull(workflows.deletedAt)));
  return rows[0];
}

/** One page of the owner's workflows, newest first. */
export async function listWorkflows(
  db: DbOrTx,
  ownerId: string,
  page: { offset: number; limit: number },
): Promise<{ items: Workflow[]; total: number }> {
  const where = and(eq(workflows.ownerId, ownerId), isNull(workflows.deletedAt));
  const [items, totals] = await Promise.all([
    db.select().from(workflows).where(where).orderBy(desc(workflows.createdAt), desc(workflows.id)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(workflows).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** The fields an update sets; absent ones keep their value. */
export interface WorkflowChanges {
  name?: string;
  description?: string | null;
  definition?: WorkflowDefinition;
}

/** Updates the owner's workflow; a new definition bumps the version and is kept as a version row. */
export async function updateWorkflow(
  db: Database,
  { id, ownerId, changes }: { id: string; ownerId: string; changes: WorkflowChanges },
): Promise<Workflow | undefined> {
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(workflows)
      .where(and(eq(workflows.id, id), eq(workflows.ownerId, ownerId), isNull(workflows.deletedAt)))
      .for('update');
    const existing = current[0];
    if (!existing) return undefined;
    const definitionChanged =
      changes.definition !== undefined && JSON.stringify(changes.definition) !== JSON.stringify(existing.definition);
    const version = definitionChanged ? existing.version + 1 : existing.version;
    const [row] = await tx
      .update(workflows)
      .set({
        name: changes.name ?? existing.name,
        description: changes.description === undefined ? existing.description : changes.description,
        definition: changes.definition ?? existing.definition,
        version,
        updatedAt: new Date(),
      })
      .where(eq(workflows.id, id))
      .returning();
    if (definitionChanged) {
      await tx.insert(workflowVersions).values({ workflowId: id, version, definition: changes.definition! });
    }
    return row;
  });
}

/** Soft-deletes the owner's workflow (its executions and history stay readable); false when absent. */
export async function deleteWorkflow(db: DbOrTx, id: string, ownerId: string): Promise<boolean> {
  const rows = await db
    .update(workflows)
    .set({ deletedAt: new Date() })
    .where(and(eq(workflows.id, id), eq(workflows.ownerId, ownerId), isNull(workflows.deletedAt)))
    .returning({ id: workflows.id });
  return rows.length > 0;
}
