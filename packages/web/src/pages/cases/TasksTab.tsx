import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { ErrorAlert, Spinner } from '../../components/ui';
import * as api from '../../api/cases';

/** Tasks and follow-ups of a case with their due dates; overdue ones are flagged. */
export function TasksTab({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [tasks, setTasks] = useState<api.CaseTask[] | null>(null);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = () => api.listCaseTasks(caseId).then(setTasks, setError);
  useEffect(() => {
    void load();
  }, [caseId]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.addCaseTask(caseId, { title: title.trim(), dueOn });
      setTitle('');
      setDueOn('');
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const done = async (id: string) => {
    try {
      await api.completeTask(id);
      await load();
    } catch (err) {
      setError(err);
    }
  };
  if (!tasks) return error ? <ErrorAlert message={errorMessage(error, i18n)} /> : <Spinner />;
  return (
    <>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {tasks.length === 0 ? (
        <p>{t('tasks.none')}</p>
      ) : (
        <table className="data-table" data-testid="tasks-table">
          <caption>{t('tasks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tasks.col.title')}</th>
              <th scope="col">{t('tasks.col.due')}</th>
              <th scope="col">{t('tasks.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>{task.title}</td>
                <td>
                  {task.dueOn} {task.overdue ? <span className="badge badge-warn">{t('tasks.overdue')}</span> : null}
                </td>
                <td>
                  {task.status === 'done' ? (
                    t('tasks.done')
                  ) : (
                    <button type="button" className="button button-secondary button-small" onClick={() => void done(task.id)} aria-label={`${t('tasks.markDone')}: ${task.title}`}>
                      {t('tasks.markDone')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form form-inline" onSubmit={(e) => void add(e)} noValidate aria-labelledby="task-form-h">
        <h2 id="task-form-h">{t('tasks.add')}</h2>
        <div className="field">
          <label htmlFor="task-title">{t('tasks.col.title')}</label>
          <input id="task-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="task-due">{t('tasks.col.due')}</label>
          <input id="task-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={!title.trim() || !dueOn}>
          {t('tasks.add')}
        </button>
      </form>
    </>
  );
}
