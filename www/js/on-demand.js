// An embed's two signals for engines on demand (crates/playground/src/on_demand.rs): whether
// its frame is on screen, and a channel on which the page's embeds (frames of one origin)
// tell each other that one of them started its engine, so the others give theirs back.

/** Calls `onChange(visible)` when the frame comes on screen or leaves it. Two sources: the
 *  post's embed.js, which watches its frames and tells each (a frame off screen may be
 *  throttled and then never hears of it itself), and an IntersectionObserver in the frame
 *  for a frame without embed.js. Either may repeat the other; the reducer ignores that. */
export function watchOnScreen(onChange) {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || window.parent === window) return;
    if (!data || typeof data !== 'object' || data.type !== 'memplay:visible') return;
    onChange(data.visible === true);
  });
  if (!('IntersectionObserver' in window)) {
    onChange(true);
    return;
  }
  const observer = new IntersectionObserver((entries) => onChange(entries.some((e) => e.isIntersecting)));
  observer.observe(document.documentElement);
}

/** A channel shared by the embeds of this origin: `claim()` tells the others; `onClaim` is
 *  called when another one claims. Returns the claim function. */
export function engineChannel(onClaim) {
  if (!('BroadcastChannel' in window)) return () => {};
  const channel = new BroadcastChannel('memplay-engines');
  channel.onmessage = (event) => {
    if (event.data && event.data.type === 'memplay:engine-claimed') onClaim();
  };
  return () => channel.postMessage({ type: 'memplay:engine-claimed' });
}
