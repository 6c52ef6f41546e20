import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import * as api from '../../api/client';
import * as hl from '../../api/hotline';
import { acknowledgeBreak, recordReveal, useBreakDue, useRevealCount } from '../../app/reveals';
import { useSession } from '../../app/session';
import { RevealCounter, SensitivePreview } from '../../components/SensitivePreview';
import { ErrorAlert, Spinner, StatusNotice } from '../../components/ui';


function MediaReview({ media }: { media: hl.SubjectDetail['media'] }) {
  const { t } = useI18n();
  const id = useId();
  const [revealed, setRevealed] = useState<string | null>(null);
  const count = useRevealCount();
  const needsBreak = useBreakDue();
  const reveal = (mediaId: string) => {
    recordReveal();
    setRevealed(mediaId); // one at a time: revealing one blurs the previous one again
  };
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.review.media')}</h2>
      <aside className="callout callout-info wellness">
        <p>{t('preview.wellnessBody')}</p>
        <RevealCounter />
      </aside>
      {needsBreak ? (
        <div className="callout callout-warn" role="alert" data-testid="break-reminder">
          <h3>{t('hotline.review.breakTitle')}</h3>
          <p>{t('hotline.review.breakBody', { count })}</p>
          <button type="button" className="button button-secondary button-small" onClick={acknowledgeBreak}>
            {t('hotline.review.breakDone')}
          </button>
        </div>
      ) : null}
      {media.length === 0 ? <p className="muted">{t('hotline.review.noMedia')}</p> : null}
      <div className="hotline-media">
        {media.map((m, i) => {
          const name = `${i + 1} · ${m.sha256.slice(0, 12)}`;
          const isOpen = revealed === m.id;
          if (m.mime.startsWith('video/')) {
            return (
              <figure key={m.id} className="sensitive" data-testid="sensitive-preview" data-revealed={isOpen ? 'true' : 'false'}>
                {isOpen ? <video className="hotline-video" controls src={hl.mediaUrl(m.id, 'full')} /> : <p className="muted">{t('hotline.review.video')}</p>}
                <button type="button" className="button button-secondary button-small" onClick={() => (isOpen ? setRevealed(null) : reveal(m.id))}>
                  {isOpen ? t('preview.hide') : t('preview.reveal')}
                </button>
              </figure>
            );
          }
          return (
            <div key={m.id}>
              <SensitivePreview src={hl.mediaUrl(m.id, isOpen ? 'full' : 'blurred')} name={name} revealed={isOpen} onReveal={() => reveal(m.id)} onHide={() => setRevealed(null)} />
              <p className="small hash-cell">
                MD5 {m.md5}
                <br />
                SHA-1 {m.sha1}
                {m.matches.length > 0 ? (
                  <>
                    <br />
                    <span className="badge badge-warn">{t('hotline.signal.bank')}</span>
                  </>
                ) : null}
              </p>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function DecisionForm({ detail, onDone }: { detail: hl.SubjectDetail; onDone: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [classification, setClassification] = useState<hl.Classification | ''>('');
  const [interpol, setInterpol] = useState<'baseline' | 'national' | ''>('');
  const [indicators, setIndicators] = useState<string[]>([]);
  const [legalBasis, setLegalBasis] = useState('');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [bankId, setBankId] = useState('');
  const [banks, setBanks] = useState<api.Bank[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.listBanks().then(setBanks, () => setBanks([]));
  }, []);
  const actionable = classification === 'csam' || classification === 'trafficking';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!classification) return;
    if (!legalBasis.trim()) return setLocal('hotline.decision.missingLegalBasis');
    if (classification === 'csam' && !interpol) return setLocal('hotline.decision.missingInterpol');
    setLocal(null);
    setError(null);
    setBusy(true);
    try {
      const r = await hl.decide(detail.subject.id, {
        classification,
        interpolCategory: classification === 'csam' ? (interpol as 'baseline' | 'national') : null,
        traffickingIndicators: classification === 'trafficking' ? indicators : [],
        legalBasis: legalBasis.trim(),
        note: note.trim() || null,
        shareNote: share,
        addToBankId: actionable && bankId ? bankId : null,
      });
      const status = t(`hotline.status.${r.status as hl.SubjectStatus}`);
      onDone(`${t('hotline.decision.saved', { status })}${r.addedToBank ? ` ${t('hotline.decision.addedToBank', { count: r.addedToBank })}` : ''}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.decision.title')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : local ? t(local) : null} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('hotline.decision.classification')}</legend>
          <div className="radio-list">
            {hl.CLASSIFICATIONS.map((c) => (
              <label key={c} className="radio-row">
                <input type="radio" name={`${id}-class`} value={c} checked={classification === c} onChange={() => setClassification(c)} /> {t(`hotline.class.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {classification === 'csam' ? (
          <div className="field">
            <label htmlFor={`${id}-interpol`}>{t('hotline.decision.interpol')}</label>
            <select id={`${id}-interpol`} value={interpol} onChange={(e) => setInterpol(e.target.value as 'baseline' | 'national' | '')} required>
              <option value="" />
              <option value="baseline">{t('hotline.interpol.baseline')}</option>
              <option value="national">{t('hotline.interpol.national')}</option>
            </select>
          </div>
        ) : null}
        {classification === 'trafficking' ? (
          <fieldset className="fieldset">
            <legend>{t('hotline.decision.indicators')}</legend>
            <div className="checkbox-list">
              {hl.TRAFFICKING_INDICATORS.map((k) => (
                <label key={k} className="checkbox-item">
                  <input type="checkbox" checked={indicators.includes(k)} onChange={(e) => setIndicators(e.target.checked ? [...indicators, k] : indicators.filter((x) => x !== k))} />{' '}
                  {t(`hotline.indicator.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-basis`}>{t('hotline.decision.legalBasis')}</label>
          <p className="hint" id={`${id}-basis-hint`}>
            {t('hotline.decision.legalBasisHint')}
          </p>
          <input id={`${id}-basis`} type="text" maxLength={500} aria-describedby={`${id}-basis-hint`} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('hotline.decision.note')} <span className="muted">{t('common.optional')}</span>
          </label>
          <textarea id={`${id}-note`} rows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> {t('hotline.decision.share')}
        </label>
        {actionable && detail.media.length > 0 && banks.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-bank`}>{t('hotline.decision.bank')}</label>
            <select id={`${id}-bank`} value={bankId} onChange={(e) => setBankId(e.target.value)}>
              <option value="">{t('hotline.decision.noBank')}</option>
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={!classification || busy}>
            {t('hotline.decision.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AuthorityReport({ detail, onDone }: { detail: hl.SubjectDetail; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [authority, setAuthority] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!authority.trim()) return;
    setError(null);
    try {
      await hl.createAuthorityReport(detail.subject.id, { authority: authority.trim(), ...(email.trim() ? { deliver: { email: email.trim() } } : {}) });
      setDone(t('hotline.authority.created'));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.authority.title')}</h2>
      <p className="hint">{t('hotline.authority.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={done} />
      {detail.authorityReports.length > 0 ? (
        <ul className="plain-list" data-testid="authority-reports">
          {detail.authorityReports.map((r) => (
            <li key={r.id}>
              {t('hotline.authority.row', { authority: r.authority, date: i18n.formatDateTime(r.createdAt) })} ·{' '}
              <a href={hl.authorityReportUrl(r.id, 'xml')} download={`${r.id}.xml`}>
                {t('hotline.authority.xml')}
              </a>{' '}
              ·{' '}
              <a href={hl.authorityReportUrl(r.id, 'json')} download={`${r.id}.json`}>
                {t('hotline.authority.json')}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('hotline.authority.name')}</label>
          <input id={`${id}-name`} type="text" required maxLength={500} value={authority} onChange={(e) => setAuthority(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>
            {t('hotline.authority.email')} <span className="muted">{t('common.optional')}</span>
          </label>
          <input id={`${id}-email`} type="email" maxLength={300} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-secondary">
            {t('hotline.authority.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Admins hand a subject to a reviewer (replacing any claim). */
function AssignForm({ subjectId, onDone }: { subjectId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [users, setUsers] = useState<api.User[]>([]);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.listUsers().then((all) => setUsers(all.filter((u) => !u.disabled && (u.roles.includes('analyst') || u.roles.includes('admin')))), setError);
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return;
    try {
      await hl.assignSubject(subjectId, userId);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form-inline" onSubmit={submit}>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <label htmlFor={`${id}-user`}>{t('hotline.assign.label')}</label>
      <select id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)}>
        <option value="" />
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName || u.email}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small" disabled={!userId}>
        {t('hotline.assign.submit')}
      </button>
    </form>
  );
}

/** A closed subject is reopened by a new event, with the reason; nothing before it changes. */
function ReopenForm({ subjectId, onDone }: { subjectId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    try {
      await hl.reopenSubject(subjectId, reason.trim());
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form-inline" onSubmit={submit}>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <label htmlFor={`${id}-reason`}>{t('hotline.reopen.reason')}</label>
      <input id={`${id}-reason`} type="text" maxLength={200} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button button-secondary button-small">
        {t('hotline.reopen.submit')}
      </button>
    </form>
  );
}

/** One subject: signals with explanations, reports, media (blurred until revealed), the decision and the actions. */
export function Review({ id: subjectId }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.user : null;
  const canAct = !!me && (me.roles.includes('admin') || me.roles.includes('analyst'));
  const [detail, setDetail] = useState<hl.SubjectDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetail(await hl.getSubject(subjectId));
    } catch (err) {
      setError(err);
    }
  }, [subjectId]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      setNotice(await fn());
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) return error ? <ErrorAlert message={errorMessage(error, i18n)} /> : <Spinner />;
  const s = detail.subject;
  const mine = s.assignedTo !== null && s.assignedTo === me?.id;
  const actionable = s.classification === 'csam' || s.classification === 'trafficking';
  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`} className="untrusted-text">
          {s.url ?? t('hotline.noUrl')}
        </h2>
        <p>
          <span className="badge" data-testid="subject-status">
            {t(`hotline.status.${s.status}`)}
          </span>{' '}
          {s.childInvolved ? <span className="badge badge-alert">{t('hotline.signal.child')}</span> : null}{' '}
          {s.bankMatch ? <span className="badge badge-warn">{t('hotline.signal.bank')}</span> : null}
        </p>
        {s.removedAt ? <p className="alert alert-ok">{t('hotline.removedAt', { date: i18n.formatDateTime(s.removedAt) })}</p> : null}
        {s.nextCheckAt && !s.removedAt ? <p className="muted">{t('hotline.nextCheck', { date: i18n.formatDateTime(s.nextCheckAt) })}</p> : null}
        <StatusNotice message={notice} />
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        {canAct ? (
          <div className="button-row">
            {s.assignedTo === null ? (
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(async () => (await hl.claimSubject(s.id), t('hotline.claimed')))}>
                {t('hotline.claim')}
              </button>
            ) : mine ? (
              <>
                <span className="muted">{t('hotline.claimed')}</span>
                <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(async () => (await hl.releaseSubject(s.id), null))}>
                  {t('hotline.release')}
                </button>
              </>
            ) : (
              <span className="muted">{t('hotline.claimedByOther')}</span>
            )}
          </div>
        ) : null}
        {me?.roles.includes('admin') ? <AssignForm subjectId={s.id} onDone={() => void load()} /> : null}
        {canAct && s.status === 'closed' ? <ReopenForm subjectId={s.id} onDone={() => void load()} /> : null}
      </section>

      <section className="card" aria-labelledby={`${id}-sig`}>
        <h2 id={`${id}-sig`}>{t('hotline.review.signals')}</h2>
        {detail.signals.length === 0 ? (
          <p className="muted">{t('hotline.review.noSignals')}</p>
        ) : (
          <ul className="plain-list" data-testid="signals">
            {detail.signals.map((sig, i) => (
              <li key={i}>{sig.explanation}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-rep`}>
        <h2 id={`${id}-rep`}>{t('hotline.review.reports')}</h2>
        <ul className="plain-list">
          {detail.reports.map((r) => (
            <li key={r.id}>
              <strong>{t(`hotline.review.channel.${r.channel as 'public' | 'partner' | 'automatic'}`)}</strong> · {i18n.formatDateTime(r.createdAt)} · {r.reference}
              {r.childInvolved ? <span className="badge badge-alert">{t('hotline.signal.child')}</span> : null}
              {r.description ? <p className="untrusted-text">{r.description}</p> : null}
              {r.contact ? <p className="small">{t('hotline.review.contact', { contact: r.contact })}</p> : r.anonymous ? <p className="small muted">{t('hotline.review.anonymous')}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      {canAct ? <MediaReview media={detail.media} /> : null}

      {canAct && (mine || s.assignedTo === null) ? (
        <DecisionForm
          detail={detail}
          onDone={(m) => {
            setNotice(m);
            void load();
          }}
        />
      ) : null}

      {canAct && actionable && s.url ? (
        <section className="card" aria-labelledby={`${id}-act`}>
          <h2 id={`${id}-act`}>{t('hotline.actions.title')}</h2>
          <div className="button-row">
            {!s.removedAt ? (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void act(async () => {
                  const r = await hl.sendNotice(s.id);
                  return t('hotline.actions.noticeSent', { round: r.round, channel: r.channel });
                })}
              >
                {t('hotline.actions.notice')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void act(async () => {
                const r = await hl.checkNow(s.id);
                return r.removed ? t('hotline.actions.removed') : t('hotline.actions.checkResult', { state: r.state, status: r.httpStatus ?? '—' });
              })}
            >
              {t('hotline.actions.check')}
            </button>
          </div>
          {detail.notices.length > 0 ? (
            <>
              <h3>{t('hotline.notices')}</h3>
              <ul className="plain-list" data-testid="notices">
                {detail.notices.map((n) => (
                  <li key={n.id}>
                    {t('hotline.notice.row', { round: n.round, channel: n.channel, status: t(`hotline.notice.status.${n.status as 'pending' | 'sending' | 'sent' | 'failed' | 'gave_up'}`) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {canAct && actionable ? <AuthorityReport detail={detail} onDone={() => void load()} /> : null}

      {detail.decisions.length > 0 ? (
        <section className="card" aria-labelledby={`${id}-dec`}>
          <h2 id={`${id}-dec`}>{t('hotline.decision.previous')}</h2>
          <ul className="plain-list">
            {detail.decisions.map((d) => (
              <li key={d.id}>
                <strong>{t(`hotline.class.${d.classification as hl.Classification}`)}</strong>
                {d.interpolCategory ? ` · ${t(`hotline.interpol.${d.interpolCategory as 'baseline' | 'national'}`)}` : ''} · {d.legalBasis} · {i18n.formatDateTime(d.createdAt)}
                <p className="small">{d.note ?? t('hotline.decision.hiddenNote')}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${id}-hist`}>
        <h2 id={`${id}-hist`}>{t('hotline.history')}</h2>
        <ol className="plain-list" data-testid="history">
          {detail.events.map((e) => (
            <li key={e.id}>
              {i18n.formatDateTime(e.at)} · {t(`hotline.event.${e.type as 'reported'}`)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
