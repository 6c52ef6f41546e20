import { z } from 'zod';

export const taskSchema = z
  .object({ id: z.string(), caseId: z.string(), title: z.string(), dueOn: z.string(), status: z.string(), overdue: z.boolean(), assigneeId: z.string().nullable(), createdAt: z.string(), doneAt: z.string().nullable() })
  .meta({ id: 'CaseTask' });
