//! Start-up phases on the page's performance timeline, for scripts/bench-load.mjs:
//! `memplay:worker-spawn`, `memplay:ready` and `memplay:result` here; the engine download
//! marks its own (www/js/engine.js), and so do the workers (www/worker-boot.js,
//! src/worker).

pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
