// Serves a built site (dist/ by default) on 127.0.0.1 with the right wasm type, ETags and
// precompressed .br/.gz files when present. Used by scripts/serve.sh, the browser tests
// and the load benchmark.
//   node scripts/static-server.mjs [dir] [port]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

// `live`: look files up on every request (for a directory that is written while served).
export function startServer({ dir = 'dist', port = 0, host = '127.0.0.1', live = false } = {}) {
  const serve = sirv(path.resolve(dir), {
    dev: live,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
      // A name with a content hash never changes: the browser may keep it without asking.
      const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(pathname);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ dir, port: Number(port) });
  console.log(`memplay is served at ${url} (Ctrl+C stops)`);
}
