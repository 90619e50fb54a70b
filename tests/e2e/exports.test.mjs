// Exports: each file is downloaded and checked (JSON, Markdown, SVG and PNG that open).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

async function download(pg, id) {
  const [file] = await Promise.all([pg.page.waitForEvent('download'), pg.testid(`export-${id}`).click()]);
  const bytes = fs.readFileSync(await file.path());
  fs.writeFileSync(path.join(ARTIFACTS, `export-${file.suggestedFilename()}`), bytes);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Opens an SVG in the page as an XML document and as an image; its size and text. */
async function openSvg(page, text) {
  return page.evaluate(async (svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight, text: doc.documentElement.textContent };
  }, text);
}

async function openPng(page, bytes) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    return { width: bitmap.width, height: bitmap.height };
  }, bytes.toString('base64'));
}

test('every export downloads a file that opens and carries the figures', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('list-vs-generator');
  const results = await page.evaluate(() => window.memplay.run());
  await pg.idle();
  const peakA = await pg.testid('figure-a-peak').innerText();
  const peakB = await pg.testid('figure-b-peak').innerText();

  const json = await download(pg, 'json');
  assert.match(json.name, /^memplay-.*\.json$/);
  assert.deepEqual(JSON.parse(json.text), results, 'the same JSON as results() and the CLI');

  const md = await download(pg, 'markdown');
  assert.match(md.name, /\.md$/);
  assert.match(md.text, /^\| \| A: .* \| B: .* \| B vs A \|\n\|---\|---:\|---:\|---:\|\n/);
  assert.ok(md.text.includes(`| Peak memory | ${peakA} | ${peakB} |`), md.text);
  assert.ok(md.text.includes(`**Verdict:** ${results.verdict}`));

  for (const [id, width] of [['chart-svg', 640], ['timeline-svg', 640], ['card-svg', 1200]]) {
    const svg = await download(pg, id);
    assert.match(svg.name, /\.svg$/);
    const opened = await openSvg(page, svg.text);
    assert.equal(opened.error, undefined, `${id}: ${opened.error}`);
    assert.equal(opened.width, width, id);
    if (id !== 'timeline-svg') assert.ok(opened.text.includes(peakA) && opened.text.includes(peakB), `${id} has both peaks`);
  }
  const card = await download(pg, 'card-svg');
  assert.ok(card.text.includes('✓ uses less memory'));
  assert.match(card.text, />At each peak: A [\d,]+ int/, 'the card names the kinds each side held');

  for (const [id, width, height] of [['chart-png', 1280, null], ['timeline-png', 1280, 640], ['card-png', 2400, 1260]]) {
    const png = await download(pg, id);
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id} is a PNG`);
    const opened = await openPng(page, png.bytes);
    assert.equal(opened.width, width, id);
    if (height) assert.equal(opened.height, height, id);
  }
  assert.deepEqual(page.errors, []);
});
