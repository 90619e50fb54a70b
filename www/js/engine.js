// Downloads the engine's wasm with progress and compiles it once; the compiled module is
// handed to every worker the page starts.
export async function loadEngine(url, onProgress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download the engine (${response.status} ${response.statusText})`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return WebAssembly.compile(bytes);
}
