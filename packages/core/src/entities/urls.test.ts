import { describe, expect, it } from 'vitest';
import { findUrls, mayHoldLink, normalizeUrl } from './urls.js';

describe('URLs', () => {
  it('finds links with a scheme, trimming sentence punctuation', () => {
    const text = 'Fotos en https://Example.com/Galeria/Ana?x=1. (ver http://www.example.org/a_(b)) fin';
    const found = findUrls(text);
    expect(found.map((u) => text.slice(u.start, u.end))).toEqual([
      'https://Example.com/Galeria/Ana?x=1',
      'http://www.example.org/a_(b)',
    ]);
    expect(found.map((u) => u.normalized)).toEqual(['https://example.com/Galeria/Ana?x=1', 'http://example.org/a_(b)']);
  });

  it('normalises: lower-case host, no www., no tracking parameters, no fragment', () => {
    expect(normalizeUrl('HTTPS://WWW.Example.COM/Path/?utm_source=fb&id=7&fbclid=XYZ&gclid=1#top')?.normalized).toBe(
      'https://example.com/Path/?id=7',
    );
    expect(normalizeUrl('https://www.example.com/?utm_medium=x')?.normalized).toBe('https://example.com');
    expect(normalizeUrl('www.example.com')?.normalized).toBe('https://example.com');
    expect(normalizeUrl('https://example.com:443/a')?.normalized).toBe('https://example.com/a');
  });

  it('finds bare domains with link-like TLDs, platform hosts and paths', () => {
    const text = 'visita anuncios-ana.com, t.me/ana_bella22, www.example.es y example.co/perfil';
    expect(findUrls(text).map((u) => u.host)).toEqual(['anuncios-ana.com', 't.me', 'example.es', 'example.co']);
  });

  it('ignores words joined by a dot and e-mail domains', () => {
    expect(findUrls('hola.como estas? fin.de semana, ana@example.com')).toEqual([]);
  });

  it('stops at emoji glued to the link', () => {
    const text = 'link: t.me/ana_bella22🔥🔥';
    const [u] = findUrls(text);
    expect(text.slice(u!.start, u!.end)).toBe('t.me/ana_bella22');
  });

  it('punycodes international domains', () => {
    expect(normalizeUrl('https://anúncios.example/x')?.host).toBe('xn--anncios-71a.example');
  });
});

describe('link pre-check', () => {
  it('answers what /[\\p{L}\\p{N}]\\.\\p{L}\\p{L}|:\\/\\//u does, on tricky strings', () => {
    const REGEX = /[\p{L}\p{N}]\.\p{L}\p{L}|:\/\//u;
    const pool = ['a', 'Z', '1', '.', '.', ' ', '𝐚', '💋', '\uD800', '\uDC00', 'é', '３', '٣', 'Ⅻ', ':', '/', 'co', '.com', '-'];
    let seed = 5;
    const rnd = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let k = 0; k < 20000; k++) {
      let s = '';
      const n = Math.floor(rnd() * 10);
      for (let i = 0; i < n; i++) s += pool[Math.floor(rnd() * pool.length)];
      expect(mayHoldLink(s), JSON.stringify(s)).toBe(REGEX.test(s));
    }
  });
});
