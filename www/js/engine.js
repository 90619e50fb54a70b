// Downloads the engine's wasm with progress and compiles it as it arrives
// (WebAssembly.compileStreaming); the compiled module is handed to every worker the page
// starts. When the server sends it compressed (dist/ has .br and .gz copies), the
// content-length counts compressed bytes, so the total is left unknown.
export async function loadEngine(url, onProgress) {
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
  ).then((module) => { performance.mark('memplay:engine-compiled'); return module; });
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
