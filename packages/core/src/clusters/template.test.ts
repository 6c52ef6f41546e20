import { describe, expect, it } from 'vitest';
import { FAMILIES, member } from './families.test.js';
import { fillTemplate, renderTemplate } from './report.js';
import { fineGroups } from './split.js';
import { extractTemplate } from './template.js';

function expectSpansExact(texts: readonly string[], result: ReturnType<typeof extractTemplate>): void {
  result.members.forEach((m, i) => {
    for (const f of m.fills) expect((texts[i] as string).slice(f.start, f.end)).toBe(f.text);
  });
}

describe('extractTemplate', () => {
  it('recovers a Spanish template and its slots exactly', () => {
    const texts = [
      'Hola, soy Maria, tengo 22 años y estoy en Bogotá. Llámame al 3105551234.',
      'Hola, soy Ana, tengo 25 años y estoy en Cali. Llámame al 3105559876.',
      'Hola, soy Lucía, tengo 23 años y estoy en Medellín. Llámame al 3105550000.',
    ];
    const r = extractTemplate(texts);
    expect(r.template).toEqual([
      { kind: 'text', text: 'Hola, soy ' },
      { kind: 'slot', id: 1, examples: ['Maria', 'Ana', 'Lucía'] },
      { kind: 'text', text: ', tengo ' },
      { kind: 'slot', id: 2, examples: ['22', '25', '23'] },
      { kind: 'text', text: ' años y estoy en ' },
      { kind: 'slot', id: 3, examples: ['Bogotá', 'Cali', 'Medellín'] },
      { kind: 'text', text: '. Llámame al ' },
      { kind: 'slot', id: 4, examples: ['3105551234', '3105559876', '3105550000'] },
      { kind: 'text', text: '.' },
    ]);
    expect(r.members[1]?.fills).toEqual([
      { slot: 1, text: 'Ana', start: 10, end: 13 },
      { slot: 2, text: '25', start: 21, end: 23 },
      { slot: 3, text: 'Cali', start: 40, end: 44 },
      { slot: 4, text: '3105559876', start: 57, end: 67 },
    ]);
    r.members.forEach((m, i) => {
      expect(fillTemplate(r.template, m.fills)).toBe(texts[i]);
      expect(m.edits).toBe(0);
      expect(m.bits).toBeLessThan(m.nullBits);
    });
    expect(r.quality.ratio).toBeLessThan(1);
    expect(r.quality.slots).toBe(4);
  });

  it('recovers multi-word slots, optional words and small edits in English', () => {
    const texts = [
      'Hi gentlemen, I am Maria Jose, a sweet latina girl, 22 years old, new in Miami. Call me now 305-555-0101',
      'Hi gentlemen, I am Ana, a sweet latina girl, 25 years old, new in Houston. Call me now 713-555-0144',
      'Hi gentlemen, I am Lucy, a very sweet latina girl, 23 years old, new in Dallas. Call me now 214-555-0199',
      'Hi gentlemen, I am Kim, a sweet latina girl, 21 years old, new in New York. Call me now 212-555-0110',
    ];
    const r = extractTemplate(texts);
    expect(renderTemplate(r.template)).toBe(
      'Hi gentlemen, I am {{1}}, a {{2}} sweet latina girl, {{3}} years old, new in {{4}}. Call me now {{5}}',
    );
    const names = r.template.find((p) => p.kind === 'slot' && p.id === 1);
    expect(names).toEqual({ kind: 'slot', id: 1, examples: ['Maria Jose', 'Ana', 'Lucy', 'Kim'] });
    expect(r.template.find((p) => p.kind === 'slot' && p.id === 2)).toEqual({ kind: 'slot', id: 2, examples: ['very'] });
    expect(r.members[0]?.fills.find((f) => f.slot === 4)?.text).toBe('Miami');
    expect(r.members[3]?.fills.find((f) => f.slot === 4)?.text).toBe('New York');
    expect(r.members[0]?.fills.some((f) => f.slot === 2)).toBe(false); // empty slot: no filler
    r.members.forEach((m, i) => expect(fillTemplate(r.template, m.fills)).toBe(texts[i]));
    expectSpansExact(texts, r);
  });

  it('recovers a Portuguese family template built from swapped slots', () => {
    const texts = Array.from({ length: 6 }, (_, i) => member('pt', i));
    const r = extractTemplate(texts);
    expect(renderTemplate(r.template)).toBe(
      'Oi amores, sou a {{1}}, uma mulher educada e muito carinhosa de {{2}} anos. Estou em {{3}} só esta semana, atendo em local reservado com estacionamento. Cachê de ${{4}} a hora, sem pressa. Me chama no +57 310 555 {{5}} e marque seu horário.',
    );
    expectSpansExact(texts, r);
    r.members.forEach((m, i) => expect(fillTemplate(r.template, m.fills)).toBe(texts[i]));
  });

  it('turns an inserted phrase into an optional slot and a deleted one into edits', () => {
    const texts = [0, 1, 2, 3, 4].map((i) => member('es', i));
    texts.push(member('es', 5).replace('cariñosa', 'cariñosa y simpática').replace(' sin prisas ni sorpresas', ''));
    const r = extractTemplate(texts);
    expect(renderTemplate(r.template)).toContain('alegre y cariñosa {{2}} de {{3}} años');
    expect(r.template.find((p) => p.kind === 'slot' && p.id === 2)).toEqual({ kind: 'slot', id: 2, examples: ['y simpática'] });
    expect(renderTemplate(r.template)).toContain('la hora, sin prisas ni sorpresas.');
    expect(r.members[5]?.edits).toBe(4); // "sin prisas ni sorpresas" missing
    expect(r.members[0]?.edits).toBe(0);
    expectSpansExact(texts, r);
  });

  it('handles identical, single, empty, binary and huge inputs', () => {
    const same = extractTemplate(['Tarifa fija, sin sorpresas.', 'Tarifa fija, sin sorpresas.']);
    expect(same.template).toEqual([{ kind: 'text', text: 'Tarifa fija, sin sorpresas.' }]);
    expect(extractTemplate(['Solo un anuncio aquí.']).template).toEqual([{ kind: 'text', text: 'Solo un anuncio aquí.' }]);
    expect(extractTemplate([]).template).toEqual([]);
    const empty = extractTemplate(['', '']);
    expect(empty.template).toEqual([]);
    expect(empty.quality.members).toBe(2);
    expect(() => extractTemplate(['\u0000\u0001\uFFFD', '\uD800\uDC00\u0007'])).not.toThrow();
    const huge = member('en', 1).repeat(400);
    const r = extractTemplate([huge, huge.replace('Kim', 'Ana')], { maxTokens: 300 });
    expect(r.members[0]?.truncated).toBe(true);
    expect(r.template.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const texts = Array.from({ length: 9 }, (_, i) => member('en', i, { edit: i % 3 === 0 }));
    expect(JSON.stringify(extractTemplate(texts))).toBe(JSON.stringify(extractTemplate(texts)));
  });
});

describe('fineGroups (MDL split)', () => {
  it('splits a coarse cluster that mixes two templates', () => {
    const texts = [
      ...Array.from({ length: 6 }, (_, i) => member('es', i)),
      ...Array.from({ length: 5 }, (_, i) => member('es2', i)),
    ];
    const split = fineGroups(texts);
    expect(split.groups).toHaveLength(2);
    expect(split.groups[0]?.indices).toEqual([0, 1, 2, 3, 4, 5]);
    expect(split.groups[1]?.indices).toEqual([6, 7, 8, 9, 10]);
    expect(renderTemplate(split.groups[1]?.extracted.template ?? [])).toMatch(/^Nueva agencia en \{\{1\}\}: chicas universitarias/);
  });

  it('keeps one template when one describes the group', () => {
    const texts = Array.from({ length: 8 }, (_, i) => member('en', i, { edit: i === 3 }));
    const split = fineGroups(texts);
    expect(split.groups).toHaveLength(1);
    expect(split.leftovers).toEqual([]);
    expect(Object.keys(FAMILIES)).toContain('en');
  });
});
