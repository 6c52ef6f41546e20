import { describe, expect, it } from 'vitest';
import { dedupeEntities } from './dedupe.js';
import type { Entity } from './types.js';

const phone = (start: number, end: number): Entity => ({
  type: 'phone', value: 'x'.repeat(end - start), normalized: '+573105551234', start, end, obfuscated: false,
});
const url = (start: number, end: number, value = 'x'.repeat(end - start)): Entity => ({
  type: 'url', value, normalized: 'https://example.com', host: 'example.com', start, end,
});
const wallet = (start: number, end: number): Entity => ({
  type: 'wallet', value: 'x'.repeat(end - start), normalized: 'x', chain: 'ethereum', network: 'mainnet', format: 'account', start, end,
});
const handle = (start: number, end: number, platform: 'whatsapp' | 'instagram'): Entity => ({
  type: 'handle', value: 'x'.repeat(end - start), normalized: `${platform}:x`, username: 'x', platform, kind: 'profile', start, end,
});

describe('dedupeEntities', () => {
  it('keeps the most specific type for the same span', () => {
    expect(dedupeEntities([url(0, 20), handle(0, 20, 'instagram')]).map((e) => e.type)).toEqual(['handle']);
  });

  it('drops exact duplicates', () => {
    expect(dedupeEntities([phone(3, 13), phone(3, 13)])).toHaveLength(1);
  });

  it('drops digits inside a wallet or an ordinary URL', () => {
    expect(dedupeEntities([phone(5, 15), wallet(0, 42)]).map((e) => e.type)).toEqual(['wallet']);
    expect(dedupeEntities([phone(20, 30), url(0, 30, 'example.com/anuncio/3105551234')]).map((e) => e.type)).toEqual(['url']);
  });

  it('keeps the phone inside a WhatsApp link', () => {
    expect(dedupeEntities([phone(6, 18), handle(0, 18, 'whatsapp')]).map((e) => e.type)).toEqual(['handle', 'phone']);
  });

  it('resolves partial overlaps by specificity', () => {
    expect(dedupeEntities([phone(0, 10), wallet(5, 40)]).map((e) => e.type)).toEqual(['wallet']);
  });

  it('sorts by start', () => {
    expect(dedupeEntities([phone(50, 60), phone(0, 10)]).map((e) => e.start)).toEqual([0, 50]);
  });
});
