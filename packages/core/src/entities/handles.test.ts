import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';
import { handleFromUrl } from './handles.js';
import type { HandleEntity } from './types.js';

const handles = (text: string): HandleEntity[] =>
  extractEntities(text, { defaultRegion: 'CO' }).filter((e): e is HandleEntity => e.type === 'handle');
const key = (url: string): string | null => {
  const ref = handleFromUrl(new URL(url));
  return ref === null ? null : `${ref.platform}:${ref.username}:${ref.kind}`;
};

describe('handles from platform links', () => {
  it.each([
    ['https://wa.me/573105551234', 'whatsapp:+573105551234:profile'],
    ['https://api.whatsapp.com/send?phone=5511912345678&text=oi', 'whatsapp:+5511912345678:profile'],
    ['https://web.whatsapp.com/send?phone=573105551234', 'whatsapp:+573105551234:profile'],
    ['https://chat.whatsapp.com/AbCdEf123456', 'whatsapp:AbCdEf123456:invite'],
    ['https://t.me/Ana_Bella22', 'telegram:ana_bella22:profile'],
    ['https://telegram.me/ana_bella22', 'telegram:ana_bella22:profile'],
    ['https://t.me/s/ana_bella22', 'telegram:ana_bella22:profile'],
    ['https://t.me/joinchat/AAAAAEx4mp1e', 'telegram:AAAAAEx4mp1e:invite'],
    ['https://t.me/+Zx9Example', 'telegram:Zx9Example:invite'],
    ['https://instagram.com/ana.bella_22/', 'instagram:ana.bella_22:profile'],
    ['https://instagr.am/ana.bella', 'instagram:ana.bella:profile'],
    ['https://snapchat.com/add/ana-b22', 'snapchat:ana-b22:profile'],
    ['https://onlyfans.com/anabella', 'onlyfans:anabella:profile'],
    ['https://x.com/AnaBella22', 'twitter:anabella22:profile'],
    ['https://twitter.com/anabella22/status/1', 'twitter:anabella22:profile'],
    ['https://tiktok.com/@ana.bella22', 'tiktok:ana.bella22:profile'],
    ['https://m.facebook.com/ana.bella.22', 'facebook:ana.bella.22:profile'],
    ['https://facebook.com/profile.php?id=100000000000001', 'facebook:id:100000000000001:profile'],
    ['https://fb.me/anabella22', 'facebook:anabella22:profile'],
  ])('%s', (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it.each([
    'https://instagram.com/p/Cabc123/',
    'https://instagram.com/explore/',
    'https://x.com/intent/tweet',
    'https://facebook.com/sharer/sharer.php?u=x',
    'https://tiktok.com/discover',
    'https://snapchat.com/',
    'https://example.com/ana',
  ])('not an account: %s', (url) => {
    expect(key(url)).toBeNull();
  });

  it('a link handle replaces the URL entity for the same span and strips tracking', () => {
    const text = 'Sígueme www.instagram.com/ana.bella_22/?igshid=abc123 😘';
    const written = 'www.instagram.com/ana.bella_22/?igshid=abc123';
    const start = text.indexOf(written);
    const all = extractEntities(text);
    expect(all).toEqual([
      {
        type: 'handle',
        value: written,
        start,
        end: start + written.length,
        platform: 'instagram',
        username: 'ana.bella_22',
        kind: 'profile',
        normalized: 'instagram:ana.bella_22',
      },
    ]);
  });
});

describe('mentions', () => {
  it('takes the platform from a keyword before the handle', () => {
    const text = 'Telegram: @AnaBella22 | IG @ana.bella_22 | snap: @anab22 | tiktok @ana.tt | OF @anab.of';
    expect(handles(text).map((h) => [h.value, h.normalized, text.slice(h.start, h.end)])).toEqual([
      ['@AnaBella22', 'telegram:anabella22', '@AnaBella22'],
      ['@ana.bella_22', 'instagram:ana.bella_22', '@ana.bella_22'],
      ['@anab22', 'snapchat:anab22', '@anab22'],
      ['@ana.tt', 'tiktok:ana.tt', '@ana.tt'],
      ['@anab.of', 'onlyfans:anab.of', '@anab.of'],
    ]);
  });

  it('takes the platform from a keyword right after ("@ana en IG")', () => {
    expect(handles('búscame @ana_b22 en IG').map((h) => h.normalized)).toEqual(['instagram:ana_b22']);
    expect(handles('add me @ana_b22 on snapchat').map((h) => h.normalized)).toEqual(['snapchat:ana_b22']);
  });

  it('labels without "@" ("IG: ana.bella", "Telegram - anab22", "OF: anab")', () => {
    expect(handles('IG: ana.bella. TG - anab22, OF: anab').map((h) => [h.value, h.normalized])).toEqual([
      ['ana.bella', 'instagram:ana.bella'],
      ['anab22', 'telegram:anab22'],
      ['anab', 'onlyfans:anab'],
    ]);
  });

  it('unknown platform when nothing says which', () => {
    expect(handles('escríbeme @ana_b22').map((h) => h.normalized)).toEqual(['unknown:ana_b22']);
  });

  it('ignores e-mail addresses, digits-only mentions and prose after labels', () => {
    expect(handles('ana@example.com @3105551234 IG: no tengo, a list of: things')).toEqual([]);
  });
});
