// After `trunk build`: writes a brotli (.br) and a gzip (.gz) copy beside every text and
// wasm file in dist/ (and its folders), at the highest levels, so a static host (or scripts/static-server.mjs,
// which serves them by Accept-Encoding) sends the engine compressed without compressing it
// on every request. Prints each file's sizes.
//   node scripts/precompress.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const EXTENSIONS = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.bin', '.py', '.zip']);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
// Every file under dist/, its folders included (the CPython check lives in dist/cpython/).
const names = fs.readdirSync(dist, { recursive: true }).map(String).sort();
for (const name of names) {
  const file = path.join(dist, name);
  if (!EXTENSIONS.has(path.extname(name)) || !fs.statSync(file).isFile()) continue;
  const raw = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    },
  });
  const gz = zlib.gzipSync(raw, { level: 9 });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  if (raw.length > 100_000) console.log(`precompress: ${name} ${mb(raw.length)} → gzip ${mb(gz.length)}, brotli ${mb(br.length)}`);
}
