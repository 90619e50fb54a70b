// The embeds of one post (frames of one origin, one event loop) reach each other's windows
// directly: the engine's download (engine.js), the claim and the worker shelf
// (on-demand.js) are shared that way.

/** The other memplay frames of the post this frame is in (none for a page of its own); a
 *  frame of another origin, or a post that forbids access, is skipped. */
export function siblings() {
  const out = [];
  try {
    if (window.parent === window) return out;
    for (let i = 0; i < window.parent.frames.length; i++) {
      const w = window.parent.frames[i];
      if (w === window) continue;
      try {
        if (w.memplayVendor) out.push(w);
      } catch { /* another origin's frame */ }
    }
  } catch { /* no access to the post's frames */ }
  return out;
}
