// Tasks and follow-ups on a case, with due dates. The title is free text, so it is sealed like any note.
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { logCaseAccess } from './caseService.js';
import { caseInScope, visibleCaseIds, type Viewer } from './caseScope.js';
import { readSealedFields, writeSealedFields } from './fieldCrypto.js';

export const TASK_RECORD_TYPE = 'case_task';

export interface CaseTask {
  id: string;
  caseId: string;
  title: string;
  dueOn: string;
  status: 'open' | 'done';
  overdue: boolean;
  assigneeId: string | null;
  createdAt: string;
  doneAt: string | null;
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export async function addTask(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, input: { title: string; dueOn: string; assigneeId?: string | undefined }): Promise<CaseTask> {
  if (!isDay(input.dueOn)) throw new Problem(422, 'task.invalid_due_date', `dueOn "${input.dueOn}" is not a date (YYYY-MM-DD)`, { field: 'dueOn' });
  return inTransaction(deps, async (tx) => {
    await caseInScope(tx, viewer, caseId);
    const id = uuidv7(tx.clock.now().getTime());
    const createdAt = isoNow(tx.clock);
    await tx.db.insertInto('case_task').values({ id, case_id: caseId, due_on: input.dueOn, status: 'open', assignee_id: input.assigneeId ?? viewer.id, created_by: viewer.id, created_at: createdAt, done_at: null }).execute();
    await writeSealedFields(tx, TASK_RECORD_TYPE, id, new Map([['title', input.title]]));
    await logCaseAccess(tx, actor, caseId, 'task_add', { taskId: id });
    return { id, caseId, title: input.title, dueOn: input.dueOn, status: 'open', overdue: input.dueOn < createdAt.slice(0, 10), assigneeId: input.assigneeId ?? viewer.id, createdAt, doneAt: null };
  });
}

export async function completeTask(deps: ServiceDeps, actor: Actor, viewer: Viewer, taskId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await tx.db.selectFrom('case_task').selectAll().where('id', '=', taskId).executeTakeFirst();
    if (!row) throw new Problem(404, 'task.not_found', 'task was not found');
    await caseInScope(tx, viewer, row.case_id);
    await tx.db.updateTable('case_task').set({ status: 'done', done_at: isoNow(tx.clock) }).where('id', '=', taskId).execute();
    await logCaseAccess(tx, actor, row.case_id, 'task_done', { taskId });
  });
}

/** Tasks of one case, or with no case the viewer's open tasks across the cases they may read (soonest first). */
export async function listTasks(deps: ServiceDeps, viewer: Viewer, caseId?: string, actor?: Actor): Promise<CaseTask[]> {
  let q = deps.db.selectFrom('case_task').selectAll();
  if (caseId) {
    await caseInScope(deps, viewer, caseId);
    q = q.where('case_id', '=', caseId);
  } else {
    const ids = [...(await visibleCaseIds(deps, viewer))];
    if (ids.length === 0) return [];
    q = q.where('case_id', 'in', ids).where('status', '=', 'open');
  }
  const rows = await q.orderBy('due_on').orderBy('id').limit(500).execute();
  const titles = await readSealedFields(deps, TASK_RECORD_TYPE, rows.map((r) => r.id));
  // Task titles are free text about the person: opening them is a read of each case concerned.
  if (actor) for (const id of new Set(rows.map((r) => r.case_id))) await logCaseAccess(deps, actor, id, 'read_tasks');
  const today = isoNow(deps.clock).slice(0, 10);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    title: titles.get(r.id)?.get('title') ?? '',
    dueOn: r.due_on,
    status: r.status,
    overdue: r.status === 'open' && r.due_on < today,
    assigneeId: r.assignee_id,
    createdAt: r.created_at,
    doneAt: r.done_at,
  }));
}
