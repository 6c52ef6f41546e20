import { describe, expect, it } from 'vitest';
import { renderNotice } from './noticeTemplates.js';

const fields = {
  hotline: 'Línea Ejemplo',
  provider: 'Hosting Ejemplo',
  url: 'https://anuncios.example/a/1',
  reference: 'HS-ABC',
  classification: 'csam',
  legalBasis: 'Ley 1098',
  reportedAt: '2026-11-22',
  round: 1,
};

describe('notice templates', () => {
  it('render in Spanish and English with the same facts', () => {
    const es = renderNotice('es', fields);
    const en = renderNotice('en', fields);
    expect(es.subject).toBe('[HS-ABC] Aviso de contenido ilegal alojado en su servicio');
    expect(en.subject).toBe('[HS-ABC] Notice of illegal content hosted on your service');
    for (const n of [es, en]) {
      expect(n.text).toContain('https://anuncios.example/a/1');
      expect(n.text).toContain('Ley 1098');
    }
    expect(es.text).toContain('material de abuso sexual infantil');
    expect(en.text).toContain('child sexual abuse material');
    expect(en.text).not.toContain('notice number');
    expect(renderNotice('en', { ...fields, round: 3 }).text).toContain('This is notice number 3');
  });

  it('keep injected placeholders, markup and line breaks as inert text', () => {
    const n = renderNotice('en', {
      ...fields,
      provider: '{{hotline}} <img src=x onerror=alert(1)>',
      url: 'https://x.example/{{reference}}',
      legalBasis: 'Ley 1\r\nBcc: victim@example.org\r\n\r\n<b>bold</b>',
      reference: 'HS-1\r\nX-Injected: yes',
    });
    expect(n.text).toContain('Dear {{hotline}} <img src=x onerror=alert(1)> abuse team');
    expect(n.text).toContain('https://x.example/{{reference}}');
    expect(n.text).not.toContain('Línea Ejemplo abuse team');
    expect(n.subject).not.toMatch(/[\r\n]/);
    expect(n.text).not.toMatch(/^Bcc:/m);
    expect(n.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(n.html).not.toContain('<img');
    expect(n.html).not.toContain('<b>');
  });
});
