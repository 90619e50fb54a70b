// An embed's signals for engines on demand (crates/playground/src/on_demand.rs): whether
// its frame is on screen, and a channel on which the page's embeds (frames of one origin)
// tell each other that one of them started its engine, so the others give theirs back;
// and the shelf on which an embed's workers, given back, wait for the next embed of the
// post to take them, so that a post keeps one pair of warm workers rather than starting
// and terminating a pair per embed.
import { siblings } from './post-frames.js';

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
 *  called when another one claims. Returns the claim function. The post's own embeds are
 *  told at once (a direct call), so that an idle one puts its workers on its shelf before
 *  the claiming embed starts its own; embeds in other tabs hear it on a BroadcastChannel
 *  (hearing it twice does nothing more). */
export function engineChannel(onClaim) {
  window.memplayOnClaim = onClaim;
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('memplay-engines') : null;
  if (channel) {
    channel.onmessage = (event) => {
      if (event.data && event.data.type === 'memplay:engine-claimed') onClaim();
    };
  }
  return () => {
    for (const w of siblings()) {
      try {
        w.memplayOnClaim?.();
      } catch { /* that embed is going away */ }
    }
    channel?.postMessage({ type: 'memplay:engine-claimed' });
  };
}

/** Puts a ready engine worker given back by this embed on its shelf under `id`, with the
 *  message it said ready with, for the post's next embed to take. How long it waits there
 *  is the core's to say (memplay_playground::SHELF_MS): then `dropShelved(id)`. */
export function shelveWorker(worker, ready, id) {
  (window.memplayShelf ??= []).push({ worker, ready, id });
}

/** Terminates the worker shelved under `id`, unless an embed has taken it. */
export function dropShelved(id) {
  const shelf = window.memplayShelf ?? [];
  const at = shelf.findIndex((entry) => entry.id === id);
  if (at >= 0) shelf.splice(at, 1)[0].worker.terminate();
}

/** Takes a ready engine worker from this embed's shelf or a sibling's: `[worker, ready]`,
 *  or null when there is none. Taken, it is this embed's to post to and to terminate; but
 *  it still belongs to the frame that started it, and ends with that frame: if the post
 *  removes that frame, `onOwnerGone()` is called, so that the core replaces it at once
 *  rather than finding it silent when a run's time is up. */
export function takeWorker(onOwnerGone) {
  for (const w of [window, ...siblings()]) {
    try {
      const entry = w.memplayShelf?.shift();
      if (!entry) continue;
      if (w !== window) {
        w.addEventListener('pagehide', () => {
          try {
            onOwnerGone();
          } catch { /* this embed has gone too */ }
        }, { once: true });
      }
      return [entry.worker, entry.ready];
    } catch { /* that embed is going away */ }
  }
  return null;
}
