import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'centinela-config-'));

describe('loadConfig', () => {
  it('has working defaults for a laptop', () => {
    const config = loadConfig({ CENTINELA_DATA_DIR: dir() });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, adminEmail: 'admin@centinela.local', trustProxy: false });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must start with postgres/],
    [{ CENTINELA_SECRET_KEY: 'short' }, /^CENTINELA_SECRET_KEY: must be 64 hexadecimal/],
    [{ CENTINELA_ADMIN_EMAIL: 'not-an-email' }, /^CENTINELA_ADMIN_EMAIL: /],
    [{ CENTINELA_ADMIN_PASSWORD: 'short' }, /^CENTINELA_ADMIN_PASSWORD: must be at least 12/],
    [{ CENTINELA_LOG_LEVEL: 'loud' }, /^CENTINELA_LOG_LEVEL: /],
    [{ CENTINELA_TRUST_PROXY: 'maybe' }, /^CENTINELA_TRUST_PROXY: /],
  ])('a bad value (%o) stops with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig({ CENTINELA_DATA_DIR: dir(), ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads an optional JSON config file; the environment wins', () => {
    const d = dir();
    const file = path.join(d, 'centinela.config.json');
    writeFileSync(file, JSON.stringify({ port: 9090, logLevel: 'warn', trustProxy: true }));
    expect(loadConfig({ CENTINELA_DATA_DIR: d })).toMatchObject({ port: 9090, logLevel: 'warn', trustProxy: true, configFile: file });
    expect(loadConfig({ CENTINELA_DATA_DIR: d, PORT: '7000' }).port).toBe(7000);
  });

  it('names the file and key for bad or unknown settings in the file', () => {
    const d = dir();
    const file = path.join(d, 'custom.json');
    writeFileSync(file, JSON.stringify({ port: 'x' }));
    expect(() => loadConfig({ CENTINELA_DATA_DIR: d, CENTINELA_CONFIG_FILE: file })).toThrow(/custom\.json: port/);
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ CENTINELA_DATA_DIR: d, CENTINELA_CONFIG_FILE: file })).toThrow(/unknown setting "prot"/);
    writeFileSync(file, '{not json');
    expect(() => loadConfig({ CENTINELA_DATA_DIR: d, CENTINELA_CONFIG_FILE: file })).toThrow(/not valid JSON/);
  });
});
