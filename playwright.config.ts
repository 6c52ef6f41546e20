import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET_KEY } from './packages/web/e2e/credentials';

// Browser tests drive the real server (`centinela serve`) on a fresh SQLite data directory, in the system
// Chromium. Never download a browser (`playwright install` is not used).

// CENTINELA_E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.CENTINELA_E2E_PORT ?? 18931);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// The config is loaded by the runner and again by each worker: create the data directory once and hand it
// down through the environment so every process agrees on it.
if (!process.env.CENTINELA_E2E_DATA_DIR) {
  process.env.CENTINELA_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'centinela-e2e-'));
}
const dataDir = process.env.CENTINELA_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'packages/web/e2e',
  outputDir: path.join(os.tmpdir(), 'centinela-e2e-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  globalTeardown: './packages/web/e2e/global-teardown.ts',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node packages/server/bin/centinela.js serve --port ${PORT} --host 127.0.0.1`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CENTINELA_DATA_DIR: dataDir,
      CENTINELA_ADMIN_EMAIL: ADMIN_EMAIL,
      CENTINELA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CENTINELA_SECRET_KEY: TEST_SECRET_KEY,
      // Every test signs in, several times each; keep the per-address sign-in rate limit out of the way.
      CENTINELA_LOGIN_RATE_PER_MINUTE: '600',
      // The crawler e2e test crawls the demo site the test serves on 127.0.0.1.
      CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1',
      // Hotline (#7): notices go to the SMTP listener the reviewer spec starts on PORT + 100; its removal
      // re-check reaches the spec's fixture host on 127.0.0.1 through the allow-list above.
      CENTINELA_SMTP_URL: `smtp://127.0.0.1:${PORT + 100}`,
    },
  },
});
