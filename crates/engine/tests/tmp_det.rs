#[path = "engine/common/mod.rs"]
mod common;
use memplay_engine::{NativeHost, run};
use memplay_model::RunOptions;

const CODE: &str =
    "import json\nd = {str(i): [i] * (i % 7) for i in range(3000)}\ns = json.dumps(d)\nprint(len(s), hash('x'))\n";

#[test]
fn show() {
    let mut fresh: Vec<u64> = (0..4).map(|_| common::run(CODE).allocations).collect();
    let same = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let options = RunOptions::default();
            run("pass", &options, &mut NativeHost::default());
            (0..4).map(|_| run(CODE, &options, &mut NativeHost::default())).map(|r| (r.allocations, r.lines.iter().map(|l| l.allocations).collect::<Vec<_>>())).collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    fresh.push(0);
    println!("RESULT fresh {fresh:?} same {:?}", same);
}
