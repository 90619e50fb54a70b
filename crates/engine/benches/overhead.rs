//! Instrumentation overhead: the same CPU-bound snippets timed with the meter off, on with
//! lines only (`RunOptions.stacks` off), and on with call stacks (the default), in the same
//! binary with the same counting allocator (which only forwards when no run is measured).
//! Prints the median of several runs and the ratio, and what a fresh interpreter costs (a
//! whole run of `pass`: build, boot script, compile, finalize). `cargo bench -p memplay-engine`.
//!
//! `overhead --one N MODE` runs snippet N (0-based, in the table's order), `pass` or a file once in MODE
//! (`off`, `lines`, `stacks`) and prints its time in milliseconds: what
//! `scripts/instructions-modes.sh` counts under callgrind, where this machine's clock cannot
//! move the figure, and what `scripts/whose-time.py` times.

use memplay_engine::{Counting, CountingAlloc, Host, NativeHost, run_counting};
use memplay_model::RunOptions;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::system();

const SNIPPETS: [(&str, &str); 5] = [
    (
        "allocation-heavy (str, dict, list)",
        "def work():\n    total = 0\n    d = {}\n    for i in range(200_000):\n        s = str(i)\n        total += len(s)\n        d[i % 5000] = [i, s]\n    return total\nwork()\n",
    ),
    (
        "arithmetic loop (few allocations)",
        "def work():\n    total = 0\n    for i in range(1_000_000):\n        total = (total + i * 7) % 1000003\n    return total\nwork()\n",
    ),
    ("list comprehension + sum", "total = sum([x * x for x in range(300_000)])\n"),
    (
        "tuples made two functions deep",
        "def leaf(i):\n    return (i, str(i))\n\ndef mid(n):\n    return [leaf(i) for i in range(n)]\n\nrows = [mid(100) for _ in range(2_000)]\n",
    ),
    ("lists built 600 calls deep", include_str!("deep.py")),
];

const ROUNDS: usize = 15;

/// The three ways of running, in the table's order.
const MODES: [(Counting, bool); 3] = [(Counting::Off, true), (Counting::On, false), (Counting::On, true)];

/// Median milliseconds of each mode. The modes take turns within each round, so that the
/// machine's drift (a virtual machine's neighbours, the clock) falls on all three alike.
fn medians_ms(code: &str) -> [f64; 3] {
    let mut times: [Vec<f64>; 3] = Default::default();
    for _ in 0..ROUNDS {
        for (i, (counting, stacks)) in MODES.into_iter().enumerate() {
            let options = RunOptions { stacks, ..RunOptions::default() };
            let r = run_counting(code, &options, &mut NativeHost::default(), counting);
            assert!(r.error.is_none(), "{:?}", r.error);
            times[i].push(r.wall_ms);
        }
    }
    times.map(|mut t| {
        t.sort_by(f64::total_cmp);
        t[ROUNDS / 2]
    })
}

/// `--one N MODE`: one run of one snippet in one mode.
fn one(args: &[String]) -> Option<(String, Counting, bool)> {
    let which = args.get(1)?;
    let mode = match args.get(2)?.as_str() {
        "off" => MODES[0],
        "lines" => MODES[1],
        "stacks" => MODES[2],
        _ => return None,
    };
    let code = match which.parse::<usize>() {
        Ok(n) => SNIPPETS.get(n)?.1.to_owned(),
        Err(_) if which == "pass" => "pass".to_owned(),
        Err(_) => std::fs::read_to_string(which).ok()?,
    };
    Some((code, mode.0, mode.1))
}

fn main() {
    let args: Vec<String> = std::env::args().skip_while(|a| a != "--one").collect();
    if !args.is_empty() {
        let (code, counting, stacks) = one(&args).expect("--one N|pass|FILE off|lines|stacks");
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                let options = RunOptions { stacks, ..RunOptions::default() };
                let r = run_counting(&code, &options, &mut NativeHost::default(), counting);
                assert!(r.error.is_none(), "{:?}", r.error);
                println!("{:.3}", r.wall_ms);
            })
            .unwrap()
            .join()
            .unwrap();
        return;
    }
    // A big stack, as every run gets; and one thread, so runs never overlap.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            println!("instrumentation overhead, median of {ROUNDS} runs each");
            println!(
                "{:<38} {:>12} {:>12} {:>8} {:>12} {:>8}",
                "snippet", "counting off", "lines only", "ratio", "with stacks", "ratio"
            );
            for (name, code) in SNIPPETS {
                let [off, lines, stacks] = medians_ms(code);
                println!(
                    "{name:<38} {off:>9.1} ms {lines:>9.1} ms {:>7.3}x {stacks:>9.1} ms {:>7.3}x",
                    lines / off,
                    stacks / off
                );
            }
            let mut whole: Vec<f64> = (0..ROUNDS)
                .map(|_| {
                    let host = NativeHost::default();
                    let start = host.now_ms();
                    run_counting("pass", &RunOptions::default(), &mut NativeHost::default(), Counting::On);
                    host.now_ms() - start
                })
                .collect();
            whole.sort_by(f64::total_cmp);
            println!("a fresh interpreter (a whole `pass` run): {:.1} ms", whole[ROUNDS / 2]);
        })
        .unwrap()
        .join()
        .unwrap();
}
