import { describe, expect, it } from 'vitest';
import { canonicalReportUrl } from './canonicalReportUrl.js';
import { nearestRankPercentile, summarizeDurations } from './percentile.js';
import { subjectPriority } from './priority.js';
import { deriveSubjectStatus } from './status.js';

describe('canonicalReportUrl', () => {
  it('gives one form for the same page written differently', () => {
    const a = canonicalReportUrl('HTTPS://Example.TEST.:443/a/b?utm_source=x&igshid=y&z=1&a=2#frag');
    const b = canonicalReportUrl('https://example.test/a/b?a=2&z=1&mc_eid=3');
    expect(a).toEqual({ ok: true, url: 'https://example.test/a/b?a=2&z=1', host: 'example.test' });
    expect(b).toEqual(a);
    expect(canonicalReportUrl('example.test/x')).toMatchObject({ ok: true, url: 'http://example.test/x' });
  });
  it('keeps a trailing slash: the subject URL is fetched by removal checks and named in notices', () => {
    expect(canonicalReportUrl('https://example.test/ad/123/#top')).toEqual({ ok: true, url: 'https://example.test/ad/123/', host: 'example.test' });
    expect(canonicalReportUrl('example.test/ad/123/')).toMatchObject({ ok: true, url: 'http://example.test/ad/123/' });
    expect(canonicalReportUrl('https://example.test/ad/123/')).not.toEqual(canonicalReportUrl('https://example.test/ad/123'));
  });
  it('refuses credentials, other schemes and junk', () => {
    expect(canonicalReportUrl('https://user:pw@example.test/')).toEqual({ ok: false, reason: 'credentials' });
    expect(canonicalReportUrl('ftp://example.test/')).toEqual({ ok: false, reason: 'scheme' });
    expect(canonicalReportUrl('javascript:alert(1)')).toEqual({ ok: false, reason: 'scheme' });
    expect(canonicalReportUrl('http://')).toMatchObject({ ok: false });
    expect(canonicalReportUrl(`https://example.test/${'a'.repeat(3000)}`)).toEqual({ ok: false, reason: 'too_long' });
    expect(canonicalReportUrl('not a url')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('deriveSubjectStatus', () => {
  it('walks open → assessed → actioned → closed and reopens only by a new event', () => {
    expect(deriveSubjectStatus([{ type: 'reported' }])).toBe('open');
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'claimed' }, { type: 'decided', classification: 'csam' }])).toBe('assessed');
    const actioned = [{ type: 'reported' as const }, { type: 'decided' as const, classification: 'csam' as const }, { type: 'notice_queued' as const }];
    expect(deriveSubjectStatus(actioned)).toBe('actioned');
    expect(deriveSubjectStatus([...actioned, { type: 'removal_verified' }])).toBe('closed');
    expect(deriveSubjectStatus([...actioned, { type: 'removal_verified' }, { type: 'reopened' }])).toBe('open');
  });
  it('closes decisions that call for no action, keeps cannot-assess in review', () => {
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'not_illegal' }])).toBe('closed');
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'adult' }])).toBe('closed');
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'adult' }, { type: 'reported' }])).toBe('open');
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'csam' }, { type: 'removal_verified' }, { type: 'reported' }])).toBe('open');
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'cannot_assess' }])).toBe('assessed');
    // A later actionable decision overrides an earlier "not illegal".
    expect(deriveSubjectStatus([{ type: 'reported' }, { type: 'decided', classification: 'not_illegal' }, { type: 'decided', classification: 'trafficking' }])).toBe('assessed');
  });
});

describe('priority and percentiles', () => {
  it('puts a child first, then a bank match, then the risk score', () => {
    const child = subjectPriority({ childInvolved: true, bankMatch: false, riskScore: 0 });
    const bank = subjectPriority({ childInvolved: false, bankMatch: true, riskScore: 1 });
    const risky = subjectPriority({ childInvolved: false, bankMatch: false, riskScore: 0.9 });
    expect(child).toBeGreaterThan(bank);
    expect(bank).toBeGreaterThan(risky);
    expect(risky).toBeGreaterThan(subjectPriority({ childInvolved: false, bankMatch: false, riskScore: null }));
  });
  it('computes nearest-rank median and p90', () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
    expect(nearestRankPercentile([5, 1, 3], 50)).toBe(3);
    expect(summarizeDurations([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, medianMs: 5, p90Ms: 9 });
  });
});
