import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { riskConfigSetting } from './riskConfig.js';

/** A configuration problem that stops start-up with one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

/** Every setting, with the environment variable that sets it. Config-file keys use the camelCase names. */
const settings = {
  dataDir: { env: 'CENTINELA_DATA_DIR', schema: z.string().min(1).default('./data') },
  databaseUrl: {
    env: 'DATABASE_URL',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
  port: { env: 'PORT', schema: port.default(8080) },
  // Loopback by default: a laptop install is not offered to the network it happens to be on (a café's Wi-Fi);
  // a team server sets CENTINELA_HOST=0.0.0.0 (or its address) on purpose.
  host: { env: 'CENTINELA_HOST', schema: z.string().min(1).default('127.0.0.1') },
  secretKey: {
    env: 'CENTINELA_SECRET_KEY',
    schema: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
      .optional(),
  },
  adminEmail: { env: 'CENTINELA_ADMIN_EMAIL', schema: z.email().default('admin@centinela.local') },
  adminPassword: { env: 'CENTINELA_ADMIN_PASSWORD', schema: z.string().min(12, 'must be at least 12 characters').optional() },
  logLevel: {
    env: 'CENTINELA_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  trustProxy: { env: 'CENTINELA_TRUST_PROXY', schema: bool.default(false) },
  publicUrl: { env: 'CENTINELA_PUBLIC_URL', schema: z.url().optional() },
  bodyLimitBytes: { env: 'CENTINELA_BODY_LIMIT_BYTES', schema: z.coerce.number().int().min(1024).max(1 << 30).default(1 << 20) },
  uploadLimitBytes: { env: 'CENTINELA_UPLOAD_LIMIT_BYTES', schema: z.coerce.number().int().min(1024).max(2 ** 31).default(50 * 1024 * 1024) },
  sessionTtlHours: { env: 'CENTINELA_SESSION_TTL_HOURS', schema: z.coerce.number().int().min(1).max(24 * 30).default(12) },
  loginMaxFailures: { env: 'CENTINELA_LOGIN_MAX_FAILURES', schema: z.coerce.number().int().min(1).max(100).default(5) },
  loginLockMinutes: { env: 'CENTINELA_LOGIN_LOCK_MINUTES', schema: z.coerce.number().int().min(1).max(24 * 60).default(15) },
  loginRatePerMinute: { env: 'CENTINELA_LOGIN_RATE_PER_MINUTE', schema: z.coerce.number().int().min(1).max(10_000).default(20) },
  workerHeartbeatSeconds: { env: 'CENTINELA_WORKER_HEARTBEAT_SECONDS', schema: z.coerce.number().min(0.1).max(3600).default(10) },
  workerStaleSeconds: { env: 'CENTINELA_WORKER_STALE_SECONDS', schema: z.coerce.number().min(0.5).max(86_400).default(60) },
  scryptCost: { env: 'CENTINELA_SCRYPT_COST', schema: z.coerce.number().int().min(1024).max(1 << 20).default(1 << 15) },
  riskConfig: { env: 'CENTINELA_RISK_CONFIG', schema: riskConfigSetting },
  /** How long a closed case is kept after its last change before the purge job deletes it. */
  caseRetentionDays: { env: 'CENTINELA_CASE_RETENTION_DAYS', schema: z.coerce.number().int().min(1).max(36_500).default(3650) },
  /** Smallest published count in k-anonymous statistics (CTDC used 11). */
  statsK: { env: 'CENTINELA_STATS_K', schema: z.coerce.number().int().min(2).max(1000).default(11) },
  /** Default ε for differentially private statistics tables. */
  statsEpsilon: { env: 'CENTINELA_STATS_EPSILON', schema: z.coerce.number().positive().max(10).default(1) },
  // Crawler and outbound fetches (net/safeFetch.ts): who we say we are, what we may reach, how much we read.
  crawlContactUrl: { env: 'CENTINELA_CRAWL_CONTACT_URL', schema: z.url().optional() },
  crawlAllowPrivate: {
    env: 'CENTINELA_CRAWL_ALLOW_PRIVATE',
    schema: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .default([]),
  },
  crawlTorProxy: { env: 'CENTINELA_CRAWL_TOR_PROXY', schema: z.string().regex(/^socks5h?:\/\/[^\s]+$/, 'must be a socks5:// URL').optional() },
  crawlMaxBytes: { env: 'CENTINELA_CRAWL_MAX_BYTES', schema: z.coerce.number().int().min(1024).max(1 << 30).default(10 * 1024 * 1024) },
  crawlTimeoutMs: { env: 'CENTINELA_CRAWL_TIMEOUT_MS', schema: z.coerce.number().int().min(100).max(600_000).default(30_000) },
  crawlChromiumPath: { env: 'CENTINELA_CRAWL_CHROMIUM', schema: z.string().min(1).default('/usr/bin/chromium') },
  // Hotline (#7): outgoing mail, re-notices, URL re-checks, public form limits, automatic reports.
  smtpUrl: { env: 'CENTINELA_SMTP_URL', schema: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional() },
  mailFrom: { env: 'CENTINELA_MAIL_FROM', schema: z.string().min(3).max(300).default('Centinela <no-reply@centinela.local>') },
  hotlineName: { env: 'CENTINELA_HOTLINE_NAME', schema: z.string().min(1).max(200).default('Centinela') },
  renoticeHours: { env: 'CENTINELA_RENOTICE_HOURS', schema: z.coerce.number().min(0.01).max(24 * 365).default(24) },
  publicReportsPerHour: { env: 'CENTINELA_PUBLIC_REPORTS_PER_HOUR', schema: z.coerce.number().int().min(1).max(1_000_000).default(500) },
  publicReportsPerClientPerHour: { env: 'CENTINELA_PUBLIC_REPORTS_PER_CLIENT_PER_HOUR', schema: z.coerce.number().int().min(1).max(10_000).default(10) },
  publicReportFileBytes: { env: 'CENTINELA_PUBLIC_REPORT_FILE_BYTES', schema: z.coerce.number().int().min(1024).max(1 << 30).default(10 * 1024 * 1024) },
  autoReportRisk: { env: 'CENTINELA_AUTO_REPORT_RISK', schema: z.coerce.number().min(0).max(1).default(0.85) },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & {
  /** Where the optional config file was read from, if any. */
  configFile?: string;
};

/**
 * Reads settings from the environment, then from an optional JSON config file
 * (`CENTINELA_CONFIG_FILE`, or `centinela.config.json` in the data directory). The environment wins.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.CENTINELA_DATA_DIR || './data';
  const explicitFile = env.CENTINELA_CONFIG_FILE;
  const defaultFile = path.join(dataDir, 'centinela.config.json');
  const file = explicitFile ?? (existsSync(defaultFile) ? defaultFile : undefined);
  const fromFile = file ? readConfigFile(file) : {};

  const known = new Set(Object.keys(settings));
  for (const key of Object.keys(fromFile)) {
    if (!known.has(key)) throw new ConfigError(`${file}: unknown setting "${key}"`);
  }

  const out: Record<string, unknown> = {};
  for (const [key, { env: name, schema }] of Object.entries(settings)) {
    const raw = env[name] !== undefined && env[name] !== '' ? env[name] : fromFile[key];
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      const where = env[name] !== undefined && env[name] !== '' ? name : `${file}: ${key}`;
      throw new ConfigError(`${where}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
    }
    out[key] = parsed.data;
  }
  if (file) out.configFile = file;
  return out as Config;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`CENTINELA_CONFIG_FILE: cannot read ${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(`CENTINELA_CONFIG_FILE: ${file} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`CENTINELA_CONFIG_FILE: ${file} must hold a JSON object`);
  }
  return value as Record<string, unknown>;
}
