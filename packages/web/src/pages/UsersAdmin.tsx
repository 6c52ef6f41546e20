import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import * as api from '../api/client';
import { useSession, useUser } from '../app/session';
import { ErrorAlert, SecretOnce, Spinner, StatusNotice } from '../components/ui';
import { roleLabel } from './Home';

/** Mirrors the server's minimum (PASSWORD_MIN_LENGTH in packages/server/src/auth/password.ts). */
const PASSWORD_MIN_LENGTH = 12;

function RoleCheckboxes({ value, onChange, legend, idPrefix }: { value: string[]; onChange: (roles: string[]) => void; legend: string; idPrefix: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {api.ROLES.map((r) => (
          <div key={r} className="checkbox-item">
            <input
              id={`${idPrefix}-${r}`}
              type="checkbox"
              value={r}
              checked={value.includes(r)}
              onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))}
            />
            <label htmlFor={`${idPrefix}-${r}`}>
              {roleLabel(r, t)}
              <span className="checkbox-desc"> — {t(`role.${r}.desc`)}</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: api.User, generatedPassword: string | undefined) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !displayName.trim()) {
      setLocalError({ key: 'users.create.missing' });
      return;
    }
    if (roles.length === 0) {
      setLocalError({ key: 'users.rolesRequired' });
      return;
    }
    if (password && password.length < PASSWORD_MIN_LENGTH) {
      setLocalError({ key: 'error.validation.password_too_short', vars: { min: PASSWORD_MIN_LENGTH } });
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      const res = await api.createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        ...(password ? { password } : {}),
      });
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
      onCreated(res.user, res.generatedPassword);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('users.create.title')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('users.email')}</label>
          <input id={`${id}-email`} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('users.displayName')}</label>
          <input id={`${id}-name`} type="text" autoComplete="off" required maxLength={120} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <RoleCheckboxes value={roles} onChange={setRoles} legend={t('users.roles')} idPrefix={`${id}-role`} />
        <div className="field">
          <label htmlFor={`${id}-password`}>
            {t('users.create.password')} <span className="muted">{t('common.optional')}</span>
          </label>
          <p className="hint" id={`${id}-password-hint`}>
            {t('users.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          </p>
          <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} aria-describedby={`${id}-password-hint`} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('users.create.submit')}
        </button>
      </form>
    </section>
  );
}

function UserRow({ user, isSelf, onChanged, onReset, onError }: {
  user: api.User;
  isSelf: boolean;
  onChanged: (u: api.User) => void;
  onReset: (u: api.User, generatedPassword: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const msg = useMsg();
  const [editing, setEditing] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmReset) confirmRef.current?.focus();
  }, [confirmReset]);

  const reset = async () => {
    setBusy(true);
    try {
      const generated = await api.resetUserPassword(user.id);
      setConfirmReset(false);
      onReset(user, generated);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [busy, setBusy] = useState(false);
  const [rolesError, setRolesError] = useState<Msg | null>(null);
  const id = useId();

  const patch = async (input: api.UpdateUserInput) => {
    setBusy(true);
    try {
      const updated = await api.updateUser(user.id, input);
      onChanged(updated);
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <td data-label={t('users.email')}>
        <span className="cell-strong">{user.email}</span> {isSelf ? <span className="muted">{t('users.you')}</span> : null}
      </td>
      <td data-label={t('users.displayName')}>{user.displayName}</td>
      <td data-label={t('users.roles')}>
        {editing ? (
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (roles.length === 0) {
                setRolesError({ key: 'users.rolesRequired' });
                return;
              }
              setRolesError(null);
              if (await patch({ roles })) setEditing(false);
            }}
          >
            <ErrorAlert message={msg(rolesError)} />
            <RoleCheckboxes value={roles} onChange={setRoles} legend={t('users.editRolesFor', { email: user.email })} idPrefix={`${id}-r`} />
            <div className="button-row">
              <button type="submit" className="button button-primary button-small" disabled={busy}>
                {t('users.saveRoles')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setRoles(user.roles);
                  setRolesError(null);
                  setEditing(false);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <ul className="tag-list">
            {user.roles.map((r) => (
              <li key={r} className="tag">
                {roleLabel(r, t)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t('users.totp')}>{user.totpEnabled ? t('common.yes') : t('common.no')}</td>
      <td data-label={t('users.status')}>
        <span className={user.disabled ? 'badge badge-warn' : 'badge badge-ok'}>{user.disabled ? t('users.disabled') : t('users.active')}</span>
      </td>
      <td data-label={t('common.actions')}>
        <div className="button-row">
          {!editing ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setRoles(user.roles);
                setEditing(true);
              }}
              aria-label={`${t('users.editRoles')}: ${user.email}`}
            >
              {t('users.editRoles')}
            </button>
          ) : null}
          {isSelf || confirmReset ? null : (
            <button
              type="button"
              ref={resetButtonRef}
              className="button button-secondary button-small"
              onClick={() => setConfirmReset(true)}
              aria-label={`${t('users.resetPassword')}: ${user.email}`}
            >
              {t('users.resetPassword')}
            </button>
          )}
          {isSelf ? null : (
            <button
              type="button"
              className={user.disabled ? 'button button-secondary button-small' : 'button button-danger button-small'}
              disabled={busy}
              onClick={() => void patch({ disabled: !user.disabled })}
              aria-label={`${user.disabled ? t('users.enable') : t('users.disable')}: ${user.email}`}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
          )}
        </div>
        {confirmReset ? (
          <div className="confirm-box" role="group" aria-label={`${t('users.resetPassword')}: ${user.email}`} ref={confirmRef} tabIndex={-1}>
            <p>{t('users.confirmReset', { email: user.email })}</p>
            <div className="button-row">
              <button type="button" className="button button-danger button-small" disabled={busy} onClick={() => void reset()}>
                {t('users.confirmResetButton')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setConfirmReset(false);
                  window.setTimeout(() => resetButtonRef.current?.focus(), 0);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function UsersAdmin() {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const me = useUser();
  const { setUser } = useSession();
  const [users, setUsers] = useState<api.User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [secret, setSecret] = useState<{ email: string; password: string; reset?: boolean } | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.listUsers().then(setUsers, setError);
  }, []);
  useEffect(load, [load]);

  const replace = (u: api.User) => {
    setUsers((list) => (list ? list.map((x) => (x.id === u.id ? u : x)) : list));
    if (u.id === me.id) setUser(u);
  };

  return (
    <div className="stack">
      <p className="muted">{t('users.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={msg(notice)} />

      {secret ? (
        <SecretOnce
          key={`${secret.email}:${secret.password}`}
          title={secret.reset ? t('users.reset.title') : t('users.generated.title')}
          body={secret.reset ? t('users.reset.body', { email: secret.email }) : t('users.generated.body', { email: secret.email })}
          label={t('users.generated.label', { email: secret.email })}
          value={secret.password}
          doneLabel={t('users.generated.done')}
          onDone={() => setSecret(null)}
        />
      ) : null}

      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t('users.listCaption')}</h2>
        {users === null && !error ? <Spinner /> : null}
        {users && users.length === 0 ? <p>{t('users.empty')}</p> : null}
        {users && users.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.totp')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    isSelf={u.id === me.id}
                    onChanged={(nu) => {
                      setError(null);
                      replace(nu);
                      setNotice({ key: 'users.updated', vars: { email: nu.email } });
                    }}
                    onReset={(ru, generated) => {
                      setError(null);
                      setNotice({ key: 'users.resetDone', vars: { email: ru.email } });
                      setSecret({ email: ru.email, password: generated, reset: true });
                    }}
                    onError={(e) => {
                      setNotice(null);
                      setError(e);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <CreateUserForm
        onCreated={(u, generated) => {
          setUsers((list) => (list ? [...list, u] : [u]));
          setError(null);
          setNotice({ key: 'users.created', vars: { email: u.email } });
          if (generated) setSecret({ email: u.email, password: generated });
        }}
      />
    </div>
  );
}
