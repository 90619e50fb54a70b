// After `trunk build`: moves the inline module script Trunk writes into dist/index.html (it
// starts the page's wasm) into a file of its own, so the page's Content-Security-Policy can
// forbid every inline script (`script-src 'self'`).
//   node scripts/externalize-scripts.mjs [dist]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
let moved = 0;
html = html.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g, (tag, attrs = '', body) => {
  if (/\ssrc\s*=/.test(attrs) || body.trim() === '') return tag;
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  fs.writeFileSync(path.join(dist, name), body.trim() + '\n');
  moved += 1;
  return `<script${attrs} src="./${name}"></script>`;
});
if (/<script(?![^>]*\ssrc=)[^>]*>\s*\S/.test(html)) throw new Error('an inline script is left in index.html');
fs.writeFileSync(indexPath, html);
console.log(`externalize-scripts: ${moved} inline script(s) moved out of ${indexPath}`);
