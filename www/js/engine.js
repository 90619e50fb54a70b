// Downloads the engine's wasm with progress and compiles it as it arrives
// (WebAssembly.compileStreaming); the compiled module is handed to every worker the page
// starts. When the server sends it compressed (dist/ has .br and .gz copies), the
// content-length counts compressed bytes, so the total is left unknown.
// Embeds of one post are frames of one origin: the first to compile the engine shares it
// with the others (a sibling frame's module, found through the post's `frames`), so a post
// with many embeds holds one compiled engine, and a second embed's first Run compiles
// nothing. `url` is resolved, so only the same build is shared.
function siblingModule(url) {
  try {
    if (window.parent === window) return null;
    for (let i = 0; i < window.parent.frames.length; i++) {
      const w = window.parent.frames[i];
      if (w === window) continue;
      try {
        const shared = w.memplayEngine;
        if (shared && shared.url === url) return shared.module;
      } catch { /* another origin's frame */ }
    }
  } catch { /* no access to the post's frames */ }
  return null;
}

export async function loadEngine(url, onProgress) {
  const resolved = new URL(url, location.href).href;
  const sibling = siblingModule(resolved);
  if (sibling) {
    performance.mark('memplay:engine-shared');
    return sibling;
  }
  // Start-up phases, read by scripts/bench-load.mjs: fetch → downloaded → compiled.
  performance.mark('memplay:engine-fetch');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download the engine (${response.status} ${response.statusText})`);
  const encoded = Boolean(response.headers.get('content-encoding'));
  const total = encoded ? 0 : Number(response.headers.get('content-length')) || 0;
  // compileStreaming gets the response itself (with its URL, which the browser's code
  // cache keys on); a copy of the stream is read only to count the bytes.
  const compiled = (WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(response.clone())
    : response.clone().arrayBuffer().then((bytes) => WebAssembly.compile(bytes))
  ).then((module) => {
    performance.mark('memplay:engine-compiled');
    window.memplayEngine = { url: resolved, module };
    return module;
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
