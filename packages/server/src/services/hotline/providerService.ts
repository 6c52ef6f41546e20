import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { HotlineProviderTable } from '../../db/schema/index.js';
import { CsvParser } from '../../import/csv.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';

export interface Provider {
  id: string;
  name: string;
  domains: string[];
  ipRanges: string[];
  abuseEmail: string | null;
  webhookUrl: string | null;
  country: string | null;
  language: 'es' | 'en';
  createdAt: string;
  updatedAt: string;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function validCidr(text: string): boolean {
  const [addr, bits, ...rest] = text.split('/');
  if (rest.length || !addr) return false;
  const v = isIP(addr);
  if (!v) return false;
  const n = bits === undefined ? (v === 4 ? 32 : 128) : Number(bits);
  return Number.isInteger(n) && n >= 0 && n <= (v === 4 ? 32 : 128);
}

export const providerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  domains: z.array(z.string().trim().toLowerCase().regex(DOMAIN, 'not a domain name')).max(500).default([]),
  ipRanges: z.array(z.string().trim().refine(validCidr, 'not an IP address or CIDR range')).max(500).default([]),
  abuseEmail: z.email().max(300).nullable().default(null),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
  country: z.string().regex(/^[A-Z]{2}$/, 'two-letter ISO country code').nullable().default(null),
  language: z.enum(['es', 'en']).default('en'),
});
export type ProviderInput = z.output<typeof providerInputSchema>;

export function toProvider(r: HotlineProviderTable): Provider {
  return {
    id: r.id,
    name: r.name,
    domains: JSON.parse(r.domains) as string[],
    ipRanges: JSON.parse(r.ip_ranges) as string[],
    abuseEmail: r.abuse_email,
    webhookUrl: r.webhook_url,
    country: r.country,
    language: r.language === 'es' ? 'es' : 'en',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listProviders(deps: ServiceDeps): Promise<Provider[]> {
  return (await deps.db.selectFrom('hotline_provider').selectAll().orderBy('name').execute()).map(toProvider);
}

function checkContact(p: ProviderInput): void {
  if (!p.abuseEmail && !p.webhookUrl) throw new Problem(400, 'provider.no_contact', 'a provider needs an abuse e-mail or a webhook URL');
}

async function upsertOne(tx: ServiceDeps, p: ProviderInput, id?: string): Promise<{ id: string; created: boolean }> {
  const now = isoNow(tx.clock);
  const values = {
    name: p.name,
    domains: JSON.stringify([...new Set(p.domains)]),
    ip_ranges: JSON.stringify([...new Set(p.ipRanges)]),
    abuse_email: p.abuseEmail,
    webhook_url: p.webhookUrl,
    country: p.country,
    language: p.language,
    updated_at: now,
  };
  const byName = await tx.db.selectFrom('hotline_provider').select('id').where('name', '=', p.name).executeTakeFirst();
  if (id) {
    if (byName && byName.id !== id) throw new Problem(409, 'provider.name_taken', 'another provider has this name');
    const r = await tx.db.updateTable('hotline_provider').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('provider');
    return { id, created: false };
  }
  if (byName) {
    await tx.db.updateTable('hotline_provider').set(values).where('id', '=', byName.id).execute();
    return { id: byName.id, created: false };
  }
  const newId = uuidv7(tx.clock.now().getTime());
  await tx.db.insertInto('hotline_provider').values({ id: newId, ...values, created_at: now }).execute();
  return { id: newId, created: true };
}

/** Creates a provider, or updates the one with the same name. */
export async function saveProvider(deps: ServiceDeps, actor: Actor, input: unknown, id?: string): Promise<Provider> {
  const parsed = providerInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new Problem(400, 'validation.failed', 'the provider does not match the expected shape', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  checkContact(parsed.data);
  return inTransaction(deps, async (tx) => {
    const r = await upsertOne(tx, parsed.data, id);
    await appendAudit(tx, actor, { action: r.created ? 'provider.create' : 'provider.update', target: { type: 'hotline_provider', id: r.id } });
    return toProvider(await tx.db.selectFrom('hotline_provider').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow());
  });
}

export async function deleteProvider(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const r = await tx.db.deleteFrom('hotline_provider').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('provider');
    await appendAudit(tx, actor, { action: 'provider.delete', target: { type: 'hotline_provider', id } });
  });
}

export const PROVIDER_CSV_HEADER = ['name', 'domains', 'ip_ranges', 'abuse_email', 'webhook_url', 'country', 'language'] as const;
const MAX_CSV_ROWS = 10_000;

/**
 * Imports providers from CSV (`name,domains,ip_ranges,abuse_email,webhook_url,country,language`; several domains
 * or ranges separated by spaces or `;`). All or nothing: any bad row refuses the file with every bad line listed.
 * Rows with a known name update that provider.
 */
export async function importProvidersCsv(deps: ServiceDeps, actor: Actor, text: string): Promise<{ read: number; created: number; updated: number }> {
  const parser = new CsvParser({ maxRecordChars: 100_000 });
  const events = [...parser.push(text), ...parser.end()];
  const errors: Array<{ path: string; message: string }> = [];
  const rows: ProviderInput[] = [];
  let header: string[] | null = null;
  for (const e of events) {
    if (e.kind === 'error') {
      errors.push({ path: `line ${e.line}`, message: e.reason });
      continue;
    }
    const fields = e.fields.map((f) => f.trim());
    if (!header) {
      header = fields.map((f) => f.toLowerCase());
      const missing = ['name'].filter((h) => !header!.includes(h));
      if (missing.length) throw new Problem(400, 'provider.csv_header', `the first line must be a header with at least: ${PROVIDER_CSV_HEADER.join(',')}`);
      continue;
    }
    if (rows.length + errors.length >= MAX_CSV_ROWS) throw new Problem(413, 'provider.csv_too_large', `at most ${MAX_CSV_ROWS} providers per file`);
    const get = (k: string) => {
      const i = header!.indexOf(k);
      return i >= 0 ? (fields[i] ?? '') : '';
    };
    const list = (v: string) => v.split(/[\s;]+/).filter(Boolean);
    const parsed = providerInputSchema.safeParse({
      name: get('name'),
      domains: list(get('domains')),
      ipRanges: list(get('ip_ranges')),
      abuseEmail: get('abuse_email') || null,
      webhookUrl: get('webhook_url') || null,
      country: get('country').toUpperCase() || null,
      language: get('language') || 'en',
    });
    if (!parsed.success) {
      errors.push({ path: `line ${e.line}`, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    } else if (!parsed.data.abuseEmail && !parsed.data.webhookUrl) {
      errors.push({ path: `line ${e.line}`, message: 'needs abuse_email or webhook_url' });
    } else rows.push(parsed.data);
  }
  if (errors.length) throw new Problem(422, 'provider.csv_invalid', `${errors.length} line(s) are invalid; nothing was imported`, { errors: errors.slice(0, 100) });
  return inTransaction(deps, async (tx) => {
    let created = 0;
    let updated = 0;
    for (const r of rows) (await upsertOne(tx, r)).created ? created++ : updated++;
    await appendAudit(tx, actor, { action: 'provider.import', details: { read: rows.length, created, updated } });
    return { read: rows.length, created, updated };
  });
}

export type HostLookup = (host: string) => Promise<string[]>;

export const dnsHostLookup: HostLookup = async (host) => (await dnsLookup(host, { all: true })).map((a) => a.address);

/**
 * The provider hosting a URL's host: by domain first (the longest configured domain that is the host or a parent
 * of it), then, when some provider has IP ranges, by the host's addresses (resolved with `lookup`).
 */
export async function resolveProvider(deps: ServiceDeps, host: string, lookup: HostLookup = dnsHostLookup): Promise<Provider | null> {
  const providers = await listProviders(deps);
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: { p: Provider; len: number } | null = null;
  for (const p of providers) {
    for (const d of p.domains) {
      if ((h === d || h.endsWith(`.${d}`)) && (!best || d.length > best.len)) best = { p, len: d.length };
    }
  }
  if (best) return best.p;
  const withRanges = providers.filter((p) => p.ipRanges.length > 0);
  if (withRanges.length === 0) return null;
  let addresses: string[];
  if (isIP(h)) addresses = [h];
  else {
    try {
      addresses = await lookup(h);
    } catch {
      return null;
    }
  }
  for (const p of withRanges) {
    const list = new BlockList();
    for (const r of p.ipRanges) {
      const [addr, bits] = r.split('/') as [string, string | undefined];
      const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
      list.addSubnet(addr, bits === undefined ? (type === 'ipv4' ? 32 : 128) : Number(bits), type);
    }
    if (addresses.some((a) => list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4'))) return p;
  }
  return null;
}
