import type { Browser } from 'playwright-core';
import { FetchError, type SafeFetcher } from '../../net/safeFetch.js';
import type { ServiceDeps } from '../deps.js';

/** Chromium flags: no sandbox (containers), and no traffic of the browser's own (updates, sync, safe browsing). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Promise<Browser> | null = null;

function browserFor(deps: ServiceDeps): Promise<Browser> {
  // Loaded on first use: processes that never render never load Playwright.
  browser ??= import('playwright-core')
    .then(({ chromium }) => chromium.launch({ executablePath: deps.config.crawlChromiumPath, args: CHROMIUM_ARGS, headless: true }))
    .catch((err: unknown) => {
      browser = null;
      throw err;
    });
  return browser;
}

/**
 * Renders a page that needs JavaScript. The browser never touches the network itself: every request it makes goes
 * through the same SafeFetcher (address policy, limits, User-Agent), the page itself is served from the bytes
 * already captured, and anything but GET is refused, so no form is ever submitted. Returns the DOM after scripts ran.
 */
export async function renderPage(deps: ServiceDeps, fetcher: SafeFetcher, url: string, html: string, timeoutMs = 15_000): Promise<string> {
  const b = await browserFor(deps);
  const context = await b.newContext({ userAgent: fetcher.userAgent, serviceWorkers: 'block', acceptDownloads: false, javaScriptEnabled: true });
  try {
    await context.route('**/*', async (route) => {
      const req = route.request();
      if (req.method() !== 'GET') return route.abort('blockedbyclient');
      if (req.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      try {
        const res = await fetcher.fetch(req.url(), { maxBytes: 5 * 1024 * 1024, timeoutMs: Math.min(timeoutMs, deps.config.crawlTimeoutMs) });
        const headers: Record<string, string> = {};
        if (res.contentType) headers['content-type'] = res.headers['content-type']!;
        return route.fulfill({ status: res.status, headers, body: res.body });
      } catch (err) {
        if (err instanceof FetchError) return route.abort('blockedbyclient');
        throw err;
      }
    });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(url, { waitUntil: 'networkidle', timeout: timeoutMs });
    return await page.content();
  } finally {
    await context.close();
  }
}

/** Closes the shared browser (end of a worker or a test). */
export async function closeRenderer(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}
