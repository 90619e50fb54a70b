// The README's screenshot (docs/screenshot.png): the playground after a comparison checked
// on CPython and a Scale sweep, taken from a production build in headless Chromium.
//   node scripts/screenshot.mjs [DIST] [OUT]        (default: dist/ → docs/screenshot.png)
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const [dist = 'dist', out = 'docs/screenshot.png'] = process.argv.slice(2);
const server = await startServer({ dir: dist });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.goto(`${server.url}#preset=list-vs-generator`);
  await page.waitForFunction(() => window.memplay);
  await page.evaluate(() => window.memplay.ready());
  await page.evaluate(() => window.memplay.run({ cpython: true }));
  await page.evaluate(() => window.memplay.sweep());
  await page.locator('[data-testid="dismiss-notice"]').click().catch(() => {});
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
