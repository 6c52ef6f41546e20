import { escapeHtml as esc } from '../../services/html.js';
import type { PublicStatus } from '../../services/hotline/reportService.js';
import { PUBLIC_TEXT, type PublicErrorKey } from './publicReportText.js';

export type Lang = 'es' | 'en';

/** What the reporter typed, to fill the form again after a refusal (files are never echoed). */
export interface FormValues {
  url?: string;
  platform?: string;
  description?: string;
  child?: string;
  anonymity?: string;
  contact?: string;
}

function page(lang: Lang, title: string, body: string): string {
  const other: Lang = lang === 'es' ? 'en' : 'es';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/report/form.css">
</head>
<body>
<header><a class="lang" href="?lang=${other}" hreflang="${other}" lang="${other}">${esc(PUBLIC_TEXT[lang].language)}</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const checked = (cond: boolean) => (cond ? ' checked' : '');

export function renderForm(lang: Lang, token: string, opts: { values?: FormValues; error?: PublicErrorKey; maxFileMb: number }): string {
  const t = PUBLIC_TEXT[lang];
  const v = opts.values ?? {};
  const platformOptions = Object.entries(t.platforms)
    .map(([k, label]) => `<option value="${k}"${v.platform === k ? ' selected' : ''}>${esc(label)}</option>`)
    .join('');
  const error = opts.error ? `<p class="error" role="alert" id="form-error">${esc(t.errors[opts.error])}</p>` : '';
  return page(
    lang,
    t.title,
    `<h1>${esc(t.title)}</h1>
<p>${esc(t.intro)}</p>
<p class="warning">${esc(t.warning)}</p>
${error}
<form method="post" action="/report?lang=${lang}" enctype="multipart/form-data"${opts.error ? ' aria-describedby="form-error"' : ''}>
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="token" value="${esc(token)}">
<p class="hp" aria-hidden="true"><label for="website">${esc(t.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></p>
<label for="url">${esc(t.url)}</label>
<input id="url" name="url" type="url" inputmode="url" maxlength="2048" placeholder="${esc(t.urlHint)}" value="${esc(v.url ?? '')}">
<label for="platform">${esc(t.platform)}</label>
<select id="platform" name="platform">${platformOptions}</select>
<label for="description">${esc(t.description)}</label>
<textarea id="description" name="description" rows="5" maxlength="5000" aria-describedby="description-hint">${esc(v.description ?? '')}</textarea>
<small id="description-hint">${esc(t.descriptionHint)}</small>
<label for="files">${esc(t.files)}</label>
<input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/gif,image/webp,video/mp4,video/webm" aria-describedby="files-hint">
<small id="files-hint">${esc(t.filesHint.replace('{mb}', String(opts.maxFileMb)))}</small>
<fieldset>
<legend>${esc(t.child)}</legend>
<label class="choice"><input type="radio" name="child" value="yes" required${checked(v.child === 'yes')}> ${esc(t.childYes)}</label>
<label class="choice"><input type="radio" name="child" value="no"${checked(v.child === 'no')}> ${esc(t.childNo)}</label>
<label class="choice"><input type="radio" name="child" value="unsure"${checked(v.child === 'unsure')}> ${esc(t.childUnsure)}</label>
</fieldset>
<fieldset>
<legend>${esc(t.anonymity)}</legend>
<label class="choice"><input type="radio" name="anonymity" value="anonymous" required${checked(v.anonymity === 'anonymous')}> ${esc(t.anonymous)}</label>
<label class="choice"><input type="radio" name="anonymity" value="contact"${checked(v.anonymity === 'contact')}> ${esc(t.withContact)}</label>
<label for="contact">${esc(t.contact)}</label>
<input id="contact" name="contact" type="text" maxlength="300" autocomplete="email" value="${esc(v.contact ?? '')}">
</fieldset>
<button type="submit">${esc(t.submit)}</button>
</form>
<p><a href="/report/status?lang=${lang}">${esc(t.checkStatus)}</a></p>`,
  );
}

export function renderStatus(lang: Lang, opts: { reference?: string; found?: { reference: string; status: PublicStatus; receivedAt: string } | null; isNew?: boolean; limited?: boolean }): string {
  const t = PUBLIC_TEXT[lang];
  let result = '';
  if (opts.limited) {
    result = `<p class="error" role="alert">${esc(t.errors.rate_limited)}</p>`;
  } else if (opts.found) {
    result = `${opts.isNew ? `<p class="ok" role="status">${esc(t.thanks)}</p><p>${esc(t.keepReference)}</p>` : ''}
<dl class="status">
<dt>${esc(t.reference)}</dt><dd><strong id="reference">${esc(opts.found.reference)}</strong></dd>
<dt>${esc(t.receivedOn)}</dt><dd>${esc(opts.found.receivedAt)}</dd>
<dt>${esc(t.status)}</dt><dd id="status">${esc(t.statuses[opts.found.status])}</dd>
</dl>`;
  } else if (opts.reference !== undefined && opts.reference !== '') {
    result = `<p class="error" role="alert">${esc(t.notFound)}</p>`;
  }
  return page(
    lang,
    t.statusTitle,
    `<h1>${esc(t.statusTitle)}</h1>
${result}
<form method="get" action="/report/status">
<input type="hidden" name="lang" value="${lang}">
<label for="ref">${esc(t.reference)}</label>
<input id="ref" name="ref" type="text" maxlength="20" autocapitalize="characters" autocomplete="off" placeholder="R-XXXX-XXXX" value="${esc(opts.reference ?? '')}">
<p class="hint">${esc(t.statusIntro)}</p>
<button type="submit">${esc(t.check)}</button>
</form>
<p><a href="/report?lang=${lang}">${esc(t.reportAnother)}</a></p>`,
  );
}

/** Small, no web fonts, readable on a cheap phone; the honeypot is off-screen, not display:none-only. */
export const FORM_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fafafa}
header{display:flex;justify-content:flex-end;padding:.5rem 1rem}
main{max-width:40rem;margin:0 auto;padding:0 1rem 2rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
label.choice{font-weight:400;margin:.4rem 0}
input[type=url],input[type=text],select,textarea{width:100%;padding:.6rem;font:inherit;border:1px solid #767676;border-radius:4px;background:#fff}
input[type=file]{width:100%;margin:.25rem 0}
fieldset{border:1px solid #ccc;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}
small,.hint{display:block;color:#555;font-size:.9rem}
button{margin-top:1.25rem;padding:.75rem 1.25rem;font:inherit;font-weight:600;color:#fff;background:#1f4e8c;border:0;border-radius:4px;width:100%}
button:focus,input:focus,select:focus,textarea:focus,a:focus{outline:3px solid #f0a500;outline-offset:2px}
.warning{background:#fff4e5;border-left:4px solid #f0a500;padding:.5rem .75rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem;color:#5f1410}
.ok{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.5rem .75rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
dl.status dt{font-weight:600;margin-top:.5rem}
dl.status dd{margin:0}
#reference{font-family:ui-monospace,monospace;font-size:1.25rem}
`;
