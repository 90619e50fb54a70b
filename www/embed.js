// memplay embeds for blogs and tutorials. Include once, anywhere on the page:
//
//   <script src="https://YOUR-HOST/memplay/embed.js" async></script>
//
// It turns each marked-up block into a live, runnable comparison that sizes itself to its
// content, and sizes iframes pasted from the playground's "Copy embed code":
//
//   <div data-memplay data-preset="list-vs-generator"></div>
//   <div data-memplay data-run>                 (data-run: run as soon as it opens;
//                                                data-sweep: sweep its size N instead;
//                                                data-cpython: run and check it on CPython;
//                                                data-idle="30": seconds off screen, idle,
//                                                before it gives its Python engine back)
//     <pre data-title="list">xs = [i * i for i in range(10**5)]</pre>
//     <pre data-title="generator">xs = (i * i for i in range(10**5))</pre>
//   </div>
//
// Without JavaScript the <pre> blocks stay as they are. The frame only ever sends its
// height; messages are accepted only from the playground's origin and from a frame this
// script manages, and only in the expected shape.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.memplayEmbed) return;
  const base = new URL('./', script.src);
  const frames = new Set();
  const MIN_HEIGHT = 160;
  const MAX_HEIGHT = 6000;
  // The link format, written by the page's own code (`embed_js_table` in
  // crates/playground/src/link); crates/playground/tests/embed_js.rs fails when they differ.
  const LINK = { snippets: "v1", preset: "preset", run: "run", sweep: "sweep", cpython: "cpython", embed: "embed", idle: "idle", height: 640 };

  function base64url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The snippets' payload (crates/playground/src/link/payload.rs): JSON, raw deflate,
  // base64url without padding.
  async function snippetsFragment(panes) {
    const [a, b] = panes.map((pre) => ({
      title: pre.dataset.title || pre.getAttribute('title') || '',
      code: pre.textContent.replace(/^\n/, ''),
    }));
    const stream = new Blob([JSON.stringify({ a, b })]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return `${LINK.snippets}=` + base64url(new Uint8Array(await new Response(stream).arrayBuffer()));
  }

  // Each frame is told when it comes on screen and when it leaves: an embed starts its
  // Python on demand and gives it back when idle off screen, and a frame off screen may be
  // throttled so that it cannot see this itself.
  const onScreen = new Map();
  const heard = new WeakSet();
  const tell = (frame) => {
    if (frame.contentWindow && onScreen.has(frame) && heard.has(frame)) {
      frame.contentWindow.postMessage({ type: 'memplay:visible', visible: onScreen.get(frame) }, base.origin);
    }
  };
  const watcher = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
    for (const e of entries) {
      onScreen.set(e.target, e.isIntersecting);
      tell(e.target);
    }
  }) : null;

  function track(frame) {
    if (frames.has(frame)) return;
    frames.add(frame);
    frame.style.border = frame.style.border || '0';
    frame.style.width = frame.style.width || '100%';
    if (watcher) watcher.observe(frame);
  }

  async function mount(block, n) {
    block.setAttribute('data-memplay-mounted', '');
    const preset = block.dataset.preset;
    const panes = [...block.querySelectorAll('pre')];
    let fragment;
    if (preset) fragment = `${LINK.preset}=` + encodeURIComponent(preset);
    else if (panes.length >= 2 && 'CompressionStream' in window) fragment = await snippetsFragment(panes.slice(0, 2));
    else return;
    for (const flag of ['run', 'sweep', 'cpython']) {
      if (block.hasAttribute(`data-${flag}`)) fragment += `&${LINK[flag]}`;
    }
    const query = new URLSearchParams({ frame: String(n), parent: location.origin });
    if (block.dataset.idle) query.set(LINK.idle, block.dataset.idle);
    const frame = document.createElement('iframe');
    frame.src = `${base.href}?${LINK.embed}&${query}#${fragment}`;
    frame.title = block.dataset.title || 'memplay: a live Python memory comparison';
    frame.loading = 'lazy';
    // The height the copied embed code gives its iframe, until the embed reports its own.
    frame.height = block.dataset.height || String(LINK.height);
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('data-memplay-frame', '');
    track(frame);
    block.replaceChildren(frame);
  }

  function scan(root = document) {
    root.querySelectorAll('iframe[data-memplay-frame]').forEach(track);
    let n = frames.size;
    root.querySelectorAll('[data-memplay]:not([data-memplay-mounted])').forEach((block) => {
      mount(block, n++).catch((err) => console.error('memplay embed:', err));
    });
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== base.origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'memplay:height') return;
    if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    for (const frame of frames) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))) + 'px';
        // A frame reports its height once its page is up: it can hear whether it is on screen.
        heard.add(frame);
        tell(frame);
      }
    }
  });

  window.memplayEmbed = { scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  else scan();
})();
