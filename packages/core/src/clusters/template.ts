// Fine stage: recover a template (shared text + slots) from a group of similar ads by progressive multiple
// alignment against a growing profile, with an MDL test per column (text or slot).
import { addToColumn, lcsAlign, newColumn, profileAlign, type ProfileColumn } from './align.js';
import { lengthBits, nullBits, positionBits, WORD_BITS, columnIsText } from './mdl.js';
import { tokenize, type Token } from './tokenize.js';
import type { ExtractedTemplate, FineOptions, MemberFit, SlotFill, TemplatePart } from './types.js';

export const FINE_DEFAULTS: Readonly<Required<FineOptions>> = {
  maxSample: 40,
  maxTokens: 600,
  minTextShare: 0.7,
  maxExamples: 5,
  split: true,
  fitRatio: 0.6,
  maxSplits: 8,
};

/** An ad tokenised for alignment; token keys interned to integers shared by the whole group. */
export interface Prepared {
  text: string;
  tokens: Token[];
  ids: Int32Array;
  truncated: boolean;
}

export class Interner {
  private readonly map = new Map<string, number>();
  readonly surfaces: string[] = [];
  id(key: string): number {
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.surfaces.length;
      this.map.set(key, v);
      this.surfaces.push(key);
    }
    return v;
  }
}

export function prepare(texts: readonly string[], maxTokens: number, interner: Interner): Prepared[] {
  return texts.map((raw) => {
    const text = typeof raw === 'string' ? raw : '';
    const { tokens, truncated } = tokenize(text, maxTokens);
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = interner.id((tokens[i] as Token).key);
    return { text, tokens, ids, truncated };
  });
}

/** Template skeleton: one element per template word, slots in between. */
type Elem = { kind: 'text'; token: number } | { kind: 'slot' };

/** Members ordered most-typical first: mean document frequency of their distinct words (ties: input order). */
export function byCentrality(members: readonly Prepared[], order: readonly number[]): number[] {
  const df = new Map<number, number>();
  const sets = order.map((i) => new Set((members[i] as Prepared).ids));
  for (const s of sets) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const score = sets.map((s) => {
    let sum = 0;
    for (const t of s) sum += df.get(t) as number;
    return s.size === 0 ? 0 : sum / s.size;
  });
  return order
    .map((i, k) => ({ i, k, s: score[k] as number }))
    .sort((x, y) => y.s - x.s || x.k - y.k)
    .map((x) => x.i);
}

/** Evenly spaced members, so a big cluster's sample spans its whole history. */
function sampleOf(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

/** Progressive alignment: start from the most typical member, fold the others in, insert columns for new words. */
function induceColumns(members: readonly Prepared[], sample: readonly number[]): ProfileColumn[] {
  const ordered = byCentrality(members, sample);
  let cols: ProfileColumn[] = [];
  for (const idx of ordered) {
    const ids = (members[idx] as Prepared).ids;
    if (cols.length === 0) {
      cols = Array.from(ids, (t) => newColumn(t));
      continue;
    }
    const colOf = profileAlign(ids, cols);
    const merged: ProfileColumn[] = [];
    let j = 0;
    for (let i = 0; i < ids.length; i++) {
      const c = colOf[i] as number;
      if (c < 0) {
        merged.push(newColumn(ids[i] as number));
        continue;
      }
      while (j < c) merged.push(cols[j++] as ProfileColumn);
      addToColumn(cols[j] as ProfileColumn, ids[i] as number);
      merged.push(cols[j++] as ProfileColumn);
    }
    while (j < cols.length) merged.push(cols[j++] as ProfileColumn);
    cols = merged;
  }
  return cols;
}

/** Realigns the sample to the finished profile and decides, per column, text or slot (MDL + share floor). */
function decide(members: readonly Prepared[], sample: readonly number[], cols: ProfileColumn[], minShare: number): Elem[] {
  const p = cols.length;
  const match = new Int32Array(p);
  const sub = new Int32Array(p);
  const inserted = new Uint8Array(p + 1); // some member put a word before column c (c = p: at the end)
  for (const idx of sample) {
    const ids = (members[idx] as Prepared).ids;
    const colOf = profileAlign(ids, cols);
    let last = -1;
    for (let i = 0; i < ids.length; i++) {
      const c = colOf[i] as number;
      if (c < 0) {
        inserted[last + 1] = 1;
        continue;
      }
      if ((cols[c] as ProfileColumn).mode === ids[i]) match[c] = (match[c] as number) + 1;
      else sub[c] = (sub[c] as number) + 1;
      last = c;
    }
  }
  const m = sample.length;
  const elems: Elem[] = [];
  const pushSlot = (): void => {
    if (elems.length === 0 || (elems[elems.length - 1] as Elem).kind !== 'slot') elems.push({ kind: 'slot' });
  };
  for (let c = 0; c < p; c++) {
    if (inserted[c] === 1) pushSlot();
    const mc = match[c] as number;
    const sc = sub[c] as number;
    const text = mc >= minShare * m && columnIsText(mc, sc, m - mc - sc, p);
    if (text) elems.push({ kind: 'text', token: (cols[c] as ProfileColumn).mode });
    else pushSlot();
  }
  if (inserted[p] === 1) pushSlot();
  return elems;
}

interface Fitted {
  fit: MemberFit;
  /** Member token index matched by each template word, -1 when missing. */
  matched: Int32Array;
  /** Per slot (template order): [first token, last token + 1) in the member, empty when start === end. */
  slotTokens: Int32Array;
}

/** Aligns one member to the template words (LCS) and reads its slot fillers and edits. */
function fitMember(member: Prepared, elems: readonly Elem[], textIds: Int32Array, textPos: Int32Array, slotOfElem: Int32Array, slots: number): Fitted {
  const T = textIds.length;
  const n = member.ids.length;
  const matchOf = lcsAlign(member.ids, textIds);
  const matched = new Int32Array(T).fill(-1);
  for (let i = 0; i < n; i++) if ((matchOf[i] as number) >= 0) matched[matchOf[i] as number] = i;
  const slotTokens = new Int32Array(slots * 2);
  let inserted = 0;
  let deleted = 0;
  let prevT = -1;
  let prevI = -1;
  for (let t = 0; t <= T; t++) {
    if (t < T && (matched[t] as number) < 0) continue;
    const i = t < T ? (matched[t] as number) : n;
    const eFrom = prevT < 0 ? 0 : (textPos[prevT] as number) + 1;
    const eTo = t < T ? (textPos[t] as number) : elems.length;
    let firstSlot = -1;
    for (let e = eFrom; e < eTo; e++) {
      const s = slotOfElem[e] as number;
      if (s >= 0 && firstSlot < 0) firstSlot = s;
      if (s < 0) deleted++; // a template word this member lacks
    }
    const count = i - prevI - 1;
    if (count > 0) {
      if (firstSlot >= 0) {
        slotTokens[firstSlot * 2] = prevI + 1;
        slotTokens[firstSlot * 2 + 1] = i;
      } else inserted += count; // words outside any slot: an edit of the template
    }
    prevT = t;
    prevI = i;
  }
  const fills: SlotFill[] = [];
  let bits = (inserted + deleted) * positionBits(T) + inserted * WORD_BITS;
  for (let s = 0; s < slots; s++) {
    const a = slotTokens[s * 2] as number;
    const b = slotTokens[s * 2 + 1] as number;
    bits += lengthBits(b - a) + (b - a) * WORD_BITS;
    if (b <= a) continue;
    const start = (member.tokens[a] as Token).start;
    const end = (member.tokens[b - 1] as Token).end;
    fills.push({ slot: s + 1, text: member.text.slice(start, end), start, end });
  }
  return {
    fit: { fills, edits: inserted + deleted, bits, nullBits: nullBits(n), truncated: member.truncated },
    matched,
    slotTokens,
  };
}

const WS = /^\s+$/;
const WORDISH = /[\p{L}\p{N}]/u;

/** Renders each run of template words from a member that has the run verbatim, with the spacing around it. */
function renderRun(members: readonly Prepared[], fitted: readonly Fitted[], t0: number, t1: number, prevSlot: number, nextSlot: number, fallback: string): string {
  let best = -1;
  let bestRank = -1;
  for (let k = 0; k < fitted.length && bestRank < 2; k++) {
    const f = fitted[k] as Fitted;
    const first = f.matched[t0] as number;
    if (first < 0 || f.matched[t1] !== first + (t1 - t0)) continue;
    let consecutive = true;
    for (let t = t0 + 1; t <= t1 && consecutive; t++) consecutive = f.matched[t] === first + (t - t0);
    if (!consecutive) continue;
    const filled = (s: number): boolean => s < 0 || (f.slotTokens[s * 2 + 1] as number) > (f.slotTokens[s * 2] as number);
    const rank = (filled(prevSlot) ? 1 : 0) + (filled(nextSlot) ? 1 : 0);
    if (rank > bestRank) {
      best = k;
      bestRank = rank;
    }
  }
  if (best < 0) return fallback;
  const m = members[best] as Prepared;
  const f = fitted[best] as Fitted;
  const a = f.matched[t0] as number;
  const b = f.matched[t1] as number;
  let text = m.text.slice((m.tokens[a] as Token).start, (m.tokens[b] as Token).end);
  const gap = (x: number, y: number): string | null => {
    const s = m.text.slice((m.tokens[x] as Token).end, (m.tokens[y] as Token).start);
    return WS.test(s) ? s : s === '' ? '' : null;
  };
  if (prevSlot >= 0) {
    const g = a > 0 && (f.slotTokens[prevSlot * 2 + 1] as number) > (f.slotTokens[prevSlot * 2] as number) ? gap(a - 1, a) : null;
    text = (g ?? (WORDISH.test(text[0] ?? '') ? ' ' : '')) + text;
  }
  if (nextSlot >= 0) {
    const g = b + 1 < m.tokens.length && (f.slotTokens[nextSlot * 2 + 1] as number) > (f.slotTokens[nextSlot * 2] as number) ? gap(b, b + 1) : null;
    text += g ?? (WORDISH.test(text[text.length - 1] ?? '') ? ' ' : '');
  }
  return text;
}

/** Builds the template from a skeleton and fits every member to it. */
function realise(members: readonly Prepared[], elemsIn: readonly Elem[], maxExamples: number, surfaces: readonly string[]): ExtractedTemplate {
  let elems = elemsIn.slice();
  for (let round = 0; round < 2; round++) {
    const textPos: number[] = [];
    const textIdsArr: number[] = [];
    const slotOfElem = new Int32Array(elems.length).fill(-1);
    let slots = 0;
    elems.forEach((e, k) => {
      if (e.kind === 'text') {
        textPos.push(k);
        textIdsArr.push(e.token);
      } else slotOfElem[k] = slots++;
    });
    const textIds = Int32Array.from(textIdsArr);
    const fitted = members.map((m) => fitMember(m, elems, textIds, Int32Array.from(textPos), slotOfElem, slots));
    const used = new Uint8Array(slots);
    for (const f of fitted) for (const fill of f.fit.fills) used[fill.slot - 1] = 1;
    if (round === 0 && used.some((u) => u === 0)) {
      // A slot nobody fills is noise from the sample's alignment: drop it and fit again.
      let s = 0;
      elems = elems.filter((e) => e.kind === 'text' || used[s++] === 1);
      continue;
    }
    return assemble(members, elems, fitted, textIds, slotOfElem, slots, maxExamples, surfaces);
  }
  throw new Error('unreachable');
}

function assemble(
  members: readonly Prepared[],
  elems: readonly Elem[],
  fitted: readonly Fitted[],
  textIds: Int32Array,
  slotOfElem: Int32Array,
  slots: number,
  maxExamples: number,
  surfaces: readonly string[],
): ExtractedTemplate {
  const template: TemplatePart[] = [];
  let t = 0;
  for (let e = 0; e < elems.length; ) {
    const el = elems[e] as Elem;
    if (el.kind === 'slot') {
      const id = (slotOfElem[e] as number) + 1;
      const examples: string[] = [];
      for (const f of fitted) {
        const fill = f.fit.fills.find((x) => x.slot === id);
        if (fill !== undefined && !examples.includes(fill.text)) examples.push(fill.text);
        if (examples.length >= maxExamples) break;
      }
      template.push({ kind: 'slot', id, examples });
      e++;
      continue;
    }
    let end = e;
    while (end + 1 < elems.length && (elems[end + 1] as Elem).kind === 'text') end++;
    const t0 = t;
    const t1 = t + (end - e);
    const prevSlot = e > 0 ? (slotOfElem[e - 1] as number) : -1;
    const nextSlot = end + 1 < elems.length ? (slotOfElem[end + 1] as number) : -1;
    const fallback = Array.from(textIds.subarray(t0, t1 + 1), (id) => surfaces[id] ?? '').join(' ');
    template.push({ kind: 'text', text: renderRun(members, fitted, t0, t1, prevSlot, nextSlot, fallback) });
    t = t1 + 1;
    e = end + 1;
  }
  const templateBits = textIds.length * WORD_BITS + slots * positionBits(textIds.length);
  let bits = templateBits;
  let nb = 0;
  let matchedWords = 0;
  let words = 0;
  for (let k = 0; k < fitted.length; k++) {
    const f = fitted[k] as Fitted;
    bits += f.fit.bits;
    nb += f.fit.nullBits;
    for (const x of f.matched) if (x >= 0) matchedWords++;
    words += (members[k] as Prepared).ids.length;
  }
  return {
    template,
    members: fitted.map((f) => f.fit),
    quality: {
      members: members.length,
      bits: round2(bits),
      nullBits: round2(nb),
      ratio: nb > 0 ? round4(bits / nb) : 1,
      coverage: words > 0 ? round4(matchedWords / words) : 0,
      textTokens: textIds.length,
      slots,
    },
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Template of prepared members, induced from `sample` (indices into members) and fitted to all of them. */
export function templateOf(members: readonly Prepared[], sample: readonly number[], options: Readonly<Required<FineOptions>>, surfaces: readonly string[]): ExtractedTemplate {
  if (members.length === 0) {
    return { template: [], members: [], quality: { members: 0, bits: 0, nullBits: 0, ratio: 1, coverage: 0, textTokens: 0, slots: 0 } };
  }
  const cols = induceColumns(members, sample);
  const elems = decide(members, sample, cols, options.minTextShare);
  return realise(members, elems, options.maxExamples, surfaces);
}

/**
 * The template shared by `texts` (one group; no splitting): text parts, slots with example fillers, per-text
 * fillers with spans into that text, and the MDL quality. Induced from at most `maxSample` texts, fitted to all.
 */
export function extractTemplate(texts: readonly string[], options: FineOptions = {}): ExtractedTemplate {
  const o = resolveFine(options);
  const interner = new Interner();
  const members = prepare(texts, o.maxTokens, interner);
  return templateOf(members, sampleOf(members.length, o.maxSample), o, interner.surfaces);
}

export function resolveFine(options: FineOptions): Readonly<Required<FineOptions>> {
  const o = { ...FINE_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k in o) (o as Record<string, unknown>)[k] = v;
  return o;
}

export { sampleOf };
