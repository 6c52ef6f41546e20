import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { ErrorAlert, PageTitle, Spinner, StatusNotice } from '../components/ui';
import { listUsers, type User } from '../api/client';
import * as api from '../api/cases';
import { keyed } from './cases/labels';

/** For administrators: the directory of service organisations (and their partner users) and the teams of caseworkers. */
export function Directory() {
  const i18n = useI18n();
  const { t } = i18n;
  const [orgs, setOrgs] = useState<api.Organisation[] | null>(null);
  const [teams, setTeams] = useState<api.Team[] | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [orgName, setOrgName] = useState('');
  const [orgCountry, setOrgCountry] = useState('');
  const [services, setServices] = useState<string[]>([]);
  const [teamName, setTeamName] = useState('');

  const load = () =>
    Promise.all([api.listOrganisations(), api.listTeams(), listUsers(), api.getVocabulary()]).then(([o, tm, u, v]) => {
      setOrgs(o);
      setTeams(tm);
      setUsers(u);
      setVocabulary(v);
    }, setError);
  useEffect(() => {
    void load();
  }, []);

  const run = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
      await load();
      setNotice(message);
    } catch (err) {
      setError(err);
    }
  };
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? id.slice(-8);
  const partners = users.filter((u) => u.roles.includes('partner'));
  const staff = users.filter((u) => u.roles.includes('caseworker') || u.roles.includes('supervisor'));

  return (
    <>
      <PageTitle title={t('nav.directory')}>{t('nav.directory')}</PageTitle>
      <p className="lead">{t('directory.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={notice} />
      {orgs === null || teams === null ? <Spinner /> : null}
      <section aria-labelledby="dir-orgs">
        <h2 id="dir-orgs">{t('directory.organisations')}</h2>
        <ul className="plain-list">
          {orgs?.map((o) => (
            <li key={o.id} className="card">
              <strong>{o.name}</strong> {o.country ? `(${o.country})` : ''} — {o.services.map((s) => keyed(t, 'service', s)).join(', ')}
              <AddMemberForm id={`org-user-${o.id}`} label={t('directory.addPartner')} users={partners} onAdd={(userId) => run(() => api.addOrganisationMember(o.id, userId), t('directory.memberAdded'))} />
            </li>
          ))}
        </ul>
        <form
          className="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(() => api.createOrganisation({ name: orgName.trim(), country: orgCountry.trim().toUpperCase() || null, services }), t('directory.orgCreated'));
          }}
        >
          <h3>{t('directory.newOrganisation')}</h3>
          <div className="field-row">
            <div className="field">
              <label htmlFor="org-name">{t('directory.name')}</label>
              <input id="org-name" value={orgName} onChange={(e) => setOrgName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="org-country">{t('directory.country')}</label>
              <input id="org-country" maxLength={2} value={orgCountry} onChange={(e) => setOrgCountry(e.target.value)} />
            </div>
          </div>
          <fieldset className="fieldset">
            <legend>{t('directory.services')}</legend>
            <div className="checkbox-list">
              {vocabulary?.serviceKinds.map((s) => (
                <div key={s} className="checkbox-item">
                  <input id={`svc-${s}`} type="checkbox" checked={services.includes(s)} onChange={(e) => setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))} />
                  <label htmlFor={`svc-${s}`}>{keyed(t, 'service', s)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button button-primary" disabled={!orgName.trim() || services.length === 0}>
            {t('directory.createOrganisation')}
          </button>
        </form>
      </section>
      <section aria-labelledby="dir-teams">
        <h2 id="dir-teams">{t('directory.teams')}</h2>
        <ul className="plain-list">
          {teams?.map((tm) => (
            <li key={tm.id} className="card">
              <strong>{tm.name}</strong>: {tm.memberIds.map(nameOf).join(', ') || '—'}
              <AddMemberForm id={`team-user-${tm.id}`} label={t('directory.addMember')} users={staff} onAdd={(userId) => run(() => api.addTeamMember(tm.id, userId), t('directory.memberAdded'))} />
            </li>
          ))}
        </ul>
        <form
          className="form form-inline"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(() => api.createTeam(teamName.trim()), t('directory.teamCreated'));
          }}
        >
          <div className="field">
            <label htmlFor="team-name">{t('directory.newTeam')}</label>
            <input id="team-name" value={teamName} onChange={(e) => setTeamName(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary" disabled={!teamName.trim()}>
            {t('directory.createTeam')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Adds one of `users` to an organisation or a team; nothing is shown when there is nobody to add. */
function AddMemberForm({ id, label, users, onAdd }: { id: string; label: string; users: User[]; onAdd: (userId: string) => Promise<void> }) {
  const { t } = useI18n();
  if (users.length === 0) return null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const userId = new FormData(e.currentTarget).get('user') as string;
        if (userId) void onAdd(userId);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <select id={id} name="user">
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName} ({u.email})
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small">
        {t('directory.add')}
      </button>
    </form>
  );
}
