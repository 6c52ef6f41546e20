import { escapeHtml } from '../html.js';

/**
 * Notice templates in Spanish and English. Fields are filled in one pass (a value that looks like a placeholder
 * stays literal text), escaped for HTML, and single-line fields lose line breaks so nothing can add headers or
 * paragraphs to the notice.
 */
export type NoticeLanguage = 'es' | 'en';

export interface NoticeFields {
  hotline: string;
  provider: string;
  url: string;
  reference: string;
  classification: string;
  legalBasis: string;
  reportedAt: string;
  round: number;
}

const CLASSIFICATION_TEXT: Record<NoticeLanguage, Record<string, string>> = {
  es: {
    csam: 'material de abuso sexual infantil',
    trafficking: 'contenido con indicios de trata de personas',
    adult: 'contenido para adultos',
    not_illegal: 'contenido no ilegal',
    cannot_assess: 'contenido sin evaluar',
  },
  en: {
    csam: 'child sexual abuse material',
    trafficking: 'content with indicators of human trafficking',
    adult: 'adult content',
    not_illegal: 'content that is not illegal',
    cannot_assess: 'content not assessed',
  },
};

const TEMPLATES: Record<NoticeLanguage, { subject: string; body: string; repeat: string }> = {
  es: {
    subject: '[{{reference}}] Aviso de contenido ilegal alojado en su servicio',
    body: [
      'Estimado equipo de abuso de {{provider}}:',
      '',
      '{{hotline}} ha evaluado el siguiente contenido alojado en su servicio y lo ha clasificado como {{classification}}.',
      '',
      'URL: {{url}}',
      'Referencia: {{reference}}',
      'Base legal: {{legalBasis}}',
      'Primer reporte: {{reportedAt}}',
      '',
      'Le pedimos que retire el contenido con la mayor rapidez posible y que conserve la evidencia para las autoridades competentes.',
      'Comprobaremos la URL periódicamente y le volveremos a avisar hasta que el contenido ya no esté disponible.',
      '{{repeat}}',
      'No responda con el contenido. Cite la referencia en cualquier respuesta.',
    ].join('\n'),
    repeat: 'Este es el aviso número {{round}}: el contenido seguía disponible en nuestra última comprobación.',
  },
  en: {
    subject: '[{{reference}}] Notice of illegal content hosted on your service',
    body: [
      'Dear {{provider}} abuse team,',
      '',
      '{{hotline}} has assessed the following content hosted on your service and classified it as {{classification}}.',
      '',
      'URL: {{url}}',
      'Reference: {{reference}}',
      'Legal basis: {{legalBasis}}',
      'First reported: {{reportedAt}}',
      '',
      'Please remove the content as quickly as possible and preserve the evidence for the competent authorities.',
      'We will re-check the URL periodically and notify you again until the content is no longer available.',
      '{{repeat}}',
      'Do not reply with the content. Quote the reference in any reply.',
    ].join('\n'),
    repeat: 'This is notice number {{round}}: the content was still available at our last check.',
  },
};

const oneLine = (v: string) => v.replace(/[\r\n\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

function fill(template: string, values: Record<string, string>, escape: (v: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in values ? escape(values[name]!) : ''));
}

export function renderNotice(lang: NoticeLanguage, f: NoticeFields): { subject: string; text: string; html: string } {
  const t = TEMPLATES[lang];
  const values: Record<string, string> = {
    hotline: oneLine(f.hotline),
    provider: oneLine(f.provider),
    url: oneLine(f.url),
    reference: oneLine(f.reference),
    classification: CLASSIFICATION_TEXT[lang][f.classification] ?? oneLine(f.classification),
    legalBasis: oneLine(f.legalBasis),
    reportedAt: oneLine(f.reportedAt),
    round: String(f.round),
  };
  const repeat = f.round > 1 ? fill(t.repeat, values, (v) => v) : '';
  const withRepeat = { ...values, repeat };
  const text = fill(t.body, withRepeat, (v) => v);
  // The HTML part is the text, escaped line by line: no markup comes from any field.
  const html = `<!doctype html><html lang="${lang}"><body><pre style="font-family:sans-serif;white-space:pre-wrap">${fill(t.body, withRepeat, escapeHtml)}</pre></body></html>`;
  return { subject: oneLine(fill(t.subject, values, (v) => v)), text, html };
}
