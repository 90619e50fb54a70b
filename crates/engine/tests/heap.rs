//! What a run leaves behind in the process. RustPython's interpreters hold cycles (modules,
//! their functions' globals, types) that dropping one does not free; the engine finalizes
//! each interpreter (sys.modules cleared, module dicts cleared, cycles collected), which
//! frees most of it. Some still stays (RustPython issue #3504), so the page replaces a
//! worker once its heap has grown (`memplay_playground::RECYCLE_LIVE_BYTES`).

#[path = "engine/common/mod.rs"]
mod common;

use memplay_engine::{NativeHost, heap_live, run};
use memplay_model::RunOptions;

/// Runs `code` `times` times on one thread after a warm-up, as a worker does; returns the
/// live bytes above the warmed-up baseline after each run.
fn drift(code: &'static str, times: usize) -> Vec<i64> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let options = RunOptions::default();
            let go = || run(code, &options, &mut NativeHost::default());
            go();
            let base = heap_live();
            (0..times).map(|_| go()).map(|_| heap_live() - base).collect()
        })
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_finalized_interpreter_leaves_little_behind() {
    // Before interpreters were finalized, each run of `pass` left 2.1 MiB behind.
    let pass = drift("pass", 4);
    let per_run = pass[3] / 4;
    println!("pass: {pass:?}, {per_run} B per run");
    assert!(per_run < 1 << 20, "a run of `pass` leaves {per_run} B behind");
    // The snippet's own objects go with it: a run that builds 8 MiB leaves no more.
    let big = drift("xs = [str(i) for i in range(100_000)]\nd = {i: i for i in range(50_000)}\n", 4);
    assert!(big[3] / 4 < per_run + (256 << 10), "{big:?} against {pass:?}");
    // A class with `__slots__` and methods, its instances kept at module level: they, the
    // class and its methods are a cycle through the snippet's namespace that RustPython's
    // collector does not free. 25 MiB a run stayed behind before the engine emptied the
    // namespace after each run. (One test: the heap is the process's, so tests running
    // beside each other would count each other's.)
    let slots = drift(
        "class P:\n    __slots__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\
         ps = [P(i, -i) for i in range(100_000)]\n",
        4,
    );
    assert!(slots[3] / 4 < per_run + (256 << 10), "{slots:?} against {pass:?}");
}
