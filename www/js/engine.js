// Downloads the engine's wasm with progress and compiles it as it arrives
// (WebAssembly.compileStreaming); the compiled module is handed to every worker the page
// starts. When the server sends it compressed (dist/ has .br and .gz copies), the
// content-length counts compressed bytes, so the total is left unknown.
// Embeds of one post are frames of one origin: the first to start the engine's download
// shares it with the others (a sibling frame's compile, in flight or done, found through
// the post's `frames`), so a post with many embeds downloads and holds one compiled engine,
// and a second embed's first Run compiles nothing. `url` is resolved, so only the same
// build is shared. A failed download is forgotten when the core says so (forgetEngine), so
// a later load tries again. A reload compiles the engine from Cache Storage instead
// (engine-cache.js), which the core asks for (keepEngine).
// A download is kept as `window.memplayEngine` (its URL, its module's promise and a way to
// follow its progress).
import { forget, keep, kept } from './engine-cache.js';
import { siblings } from './post-frames.js';

// A download of `url` started in this frame (an earlier load) or in a sibling frame of the
// same post, in flight or done.
function startedBefore(url) {
  const of = (w) => {
    const started = w.memplayEngine;
    return started && started.url === url ? started : null;
  };
  const own = of(window);
  if (own) return own;
  for (const w of siblings()) {
    try {
      const sibling = of(w);
      if (sibling) {
        performance.mark('memplay:engine-shared');
        return sibling;
      }
    } catch { /* that embed is going away */ }
  }
  return null;
}

const resolve = (url) => new URL(url, document.baseURI).href;

/** Starts the engine's download and compile; returns `{ url, module, follow }`, where
 *  `follow(onProgress)` reports the bytes so far at once and then as they arrive. */
function startEngine(url) {
  const resolved = resolve(url);
  const listeners = new Set();
  let last = null;
  const progress = (loaded, total) => {
    last = [loaded, total];
    for (const f of listeners) {
      try {
        f(loaded, total);
      } catch { /* a follower's frame has gone */ }
    }
  };
  const started = {
    url: resolved,
    loaded: download(resolved, progress),
    follow(onProgress) {
      if (last) onProgress(...last);
      listeners.add(onProgress);
    },
  };
  window.memplayEngine = started;
  // Followed at once by this frame, which reports a failure to the core.
  started.loaded.catch(() => {});
  return started;
}

const compile = (response) => (WebAssembly.compileStreaming
  ? WebAssembly.compileStreaming(response)
  : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));

/** `{ module, fetched }`: the compiled engine, and whether it came from the network. */
async function download(url, onProgress) {
  // Start-up phases, read by scripts/bench-load.mjs: fetch → downloaded → compiled.
  performance.mark('memplay:engine-fetch');
  const copy = await kept(url);
  if (copy) {
    try {
      const module = await compile(copy);
      performance.mark('memplay:engine-downloaded');
      performance.mark('memplay:engine-compiled');
      return { module, fetched: false };
    } catch {
      await forget(url); // a copy that does not compile: download the engine
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download the engine (${response.status} ${response.statusText})`);
  const encoded = Boolean(response.headers.get('content-encoding'));
  const total = encoded ? 0 : Number(response.headers.get('content-length')) || 0;
  // compileStreaming gets the response itself (with its URL, which the browser's code
  // cache keys on); a copy of the stream is read only to count the bytes.
  const compiled = compile(response.clone()).then((module) => {
    performance.mark('memplay:engine-compiled');
    return { module, fetched: true };
  });
  const reader = response.body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      performance.mark('memplay:engine-downloaded');
      break;
    }
    loaded += value.length;
    onProgress(loaded, total);
  }
  return compiled;
}

/** Downloads and compiles the engine (or follows a download under way), reporting its
 *  bytes; the page's `<meta name="memplay-engine">`, when present, names this build's engine
 *  and takes the place of `url`. Resolves to `{ module, fetched }`: `fetched` when this
 *  load downloaded it from the network (not from Cache Storage, not another's download). */
export async function loadEngine(url, onProgress) {
  const meta = document.querySelector('meta[name="memplay-engine"]');
  if (meta && meta.content) url = meta.content;
  const before = startedBefore(resolve(url));
  const started = before || startEngine(url);
  started.follow(onProgress);
  const { module, fetched } = await started.loaded;
  return { module, fetched: fetched && !before };
}

/** Forgets this frame's download of the engine (it failed), so the next load starts one. */
export function forgetEngine() {
  window.memplayEngine = null;
}

/** Keeps the engine this frame downloaded in Cache Storage (engine-cache.js). */
export function keepEngine(withinMs) {
  const started = window.memplayEngine;
  if (started) keep(started.url, withinMs);
}
