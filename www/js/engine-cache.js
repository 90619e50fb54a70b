// The engine kept in the page's Cache Storage, decoded, under its build's address
// (`worker_bg.wasm?v=HASH`, which scripts/build-web.sh writes into the page's
// `<meta name="memplay-engine">`). On a reload the HTTP cache hands the engine back
// brotli-encoded, to be decoded again (18 MB, most of the reload's download phase); from
// Cache Storage it compiles at once. Only a versioned address is kept, and keeping one
// deletes every other, so a new build never runs an old engine and the storage holds one.
const CACHE = 'memplay-engine';
const versioned = (url) => new URL(url).searchParams.has('v');

/** The engine kept in Cache Storage for `url` (a response to compile), or null: not kept,
 *  or no Cache Storage. */
export async function kept(url) {
  if (!versioned(url) || !('caches' in window)) return null;
  try {
    const hit = await (await caches.open(CACHE)).match(url);
    if (hit) performance.mark('memplay:engine-cached');
    return hit ?? null;
  } catch {
    return null;
  }
}

/** Deletes the kept copy of `url` (one that did not compile). */
export async function forget(url) {
  try {
    await (await caches.open(CACHE)).delete(url);
  } catch { /* nothing kept, or no Cache Storage */ }
}

/** Keeps the engine downloaded from `url` in Cache Storage, and deletes any other; when
 *  the browser is next idle, within `withinMs`. When is the core's to say
 *  (memplay_playground::KEEP_ENGINE_AFTER_MS): the engine is read again from the HTTP cache
 *  and decoded, 18 MB of work kept off the start, which needs both cores for the workers'
 *  warm-up. */
export function keep(url, withinMs) {
  if (!versioned(url) || !('caches' in window)) return;
  const store = async () => {
    try {
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) {
        if (request.url !== url) await cache.delete(request);
      }
      if (await cache.match(url)) return;
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
      performance.mark('memplay:engine-kept');
    } catch { /* no room, or storage refused: the HTTP cache still has it */ }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(store, { timeout: withinMs });
  else store();
}
