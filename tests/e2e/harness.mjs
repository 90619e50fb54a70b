// Shared set-up for the browser tests: the production build in dist/ served on loopback,
// Debian's Chromium driven by playwright-core, and screenshots kept as test artifacts.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';
import { Playground } from './playground.mjs';

export const ARTIFACTS = path.resolve('artifacts/e2e');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Starts the server and the browser once per test file; returns helpers and a stop(). */
export async function setUp() {
  if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `scripts/build-web.sh` first');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ dir: 'dist' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const others = [];
  return {
    url: server.url,
    browser,
    /** A second server, on another origin than the playground's (a port of its own), for
     *  a blog post or a place a snippet must not reach; stopped with the rest. */
    async otherOrigin(dir = 'tests/e2e/blog', options = {}) {
      const other = await startServer({ dir, ...options });
      if (new URL(other.url).origin === new URL(server.url).origin) throw new Error('not another origin');
      others.push(other);
      return other;
    },
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.errors = errors;
      return page;
    },
    /** A fresh page with the playground open (no saved draft) and Python ready. */
    async openPlayground(options) {
      const pg = new Playground(await this.newPage(options), server.url);
      await pg.open();
      await pg.ready();
      return pg;
    },
    async stop() {
      await browser.close();
      await Promise.all(others.map((o) => o.close()));
      await server.close();
    },
  };
}

export async function screenshot(page, name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
