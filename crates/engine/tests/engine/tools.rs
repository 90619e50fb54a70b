//! Memory tools tutorials import run as written, on the engine's own counters. Each
//! snippet is taken from the public page named above it.

use crate::common::*;

/// https://stackoverflow.com/questions/938733/total-memory-used-by-python-process
/// ("process = psutil.Process(); print(process.memory_info().rss)")
#[test]
fn psutil_memory_info_rss_follows_what_the_snippet_holds() {
    let r = run_ok(
        "import os, psutil\n\
         process = psutil.Process(os.getpid())\n\
         before = process.memory_info().rss\n\
         data = [0] * 1_000_000\n\
         after = process.memory_info().rss\n\
         print(after - before >= 7_000_000, before > 0)\n\
         print(psutil.virtual_memory().total > after)\n",
    );
    assert_eq!(r.stdout, "True True\nTrue\n");
    let missing = run("import psutil\npsutil.cpu_percent()\n");
    let e = missing.error.expect("not offered");
    assert_eq!(e.kind, "AttributeError");
    assert!(e.message.contains("offers Process().memory_info()"), "{}", e.message);
}

/// https://docs.python.org/3/library/resource.html#resource-usage and
/// https://pythonspeed.com/articles/measuring-memory-python/
/// ("resource.getrusage(resource.RUSAGE_SELF).ru_maxrss", in KiB on Linux)
#[test]
fn resource_ru_maxrss_is_the_peak_in_kib() {
    let r = run_ok(
        "import resource\n\
         start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n\
         big = [0] * 2_000_000\n\
         del big\n\
         peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n\
         print(peak - start >= 15_000, resource.getpagesize())\n",
    );
    assert_eq!(r.stdout, "True 4096\n");
    let r = run("import resource\nresource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n");
    assert!(r.error.unwrap().message.contains("use the memory and time limits in Settings"));
}

/// https://pypi.org/project/memory-profiler/ (the README's example, "Line-by-line memory
/// usage"), run as written with `from memory_profiler import profile`.
#[test]
fn memory_profiler_prints_its_line_table() {
    let r = run_ok(
        "from memory_profiler import profile\n\
         \n\
         @profile\n\
         def my_func():\n\
         \x20   a = [1] * (10 ** 6)\n\
         \x20   b = [2] * (2 * 10 ** 7)\n\
         \x20   del b\n\
         \x20   return a\n\
         \n\
         if __name__ == '__main__':\n\
         \x20   my_func()\n",
    );
    let out = &r.stdout;
    assert!(
        out.starts_with("Filename: <snippet>\n\nLine #    Mem usage    Increment  Occurrences   Line Contents\n"),
        "{out}"
    );
    let row = |n: u32| {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{n} ")))
            .unwrap_or_else(|| panic!("no line {n}: {out}"))
            .to_owned()
    };
    assert!(row(3).ends_with("@profile"), "{out}");
    assert!(row(4).ends_with("def my_func():") && !row(4).contains("MiB"), "{out}");
    // b = [2] * (2 * 10 ** 7) is 20 million 8-byte pointers: about +152 MiB, and del gives it back.
    let increment = |n: u32| -> f64 {
        let r = row(n);
        let mibs: Vec<&str> = r.split(" MiB").collect();
        mibs[1].trim().parse().unwrap_or_else(|_| panic!("{r}"))
    };
    assert!((145.0..160.0).contains(&increment(6)), "{out}");
    assert!((-160.0..-145.0).contains(&increment(7)), "{out}");
    assert!(row(8).contains(" 1   ") && row(8).ends_with("return a"), "{out}");
}

/// https://pypi.org/project/memory-profiler/ ("API": memory_usage of a function call)
#[test]
fn memory_profiler_memory_usage_samples_a_call() {
    let r = run_ok(
        "from memory_profiler import memory_usage\n\
         def f(a, n=100):\n\
         \x20   import time\n\
         \x20   big = [a] * (n * 100_000)\n\
         \x20   return len(big)\n\
         mem, value = memory_usage((f, (1,), {'n': 10}), max_usage=True, retval=True)\n\
         now = memory_usage(-1, interval=.2, timeout=1)\n\
         print(value, mem > now[0] - 1, len(now))\n",
    );
    assert_eq!(r.stdout, "1000000 True 1\n");
}

/// https://pympler.readthedocs.io/en/latest/library/asizeof.html ("asizeof.asizeof(obj)"
/// of `[1, 2, (3, 4), 'text']`, and asizesof of several objects at once)
#[test]
fn pympler_asizeof_is_a_deep_size() {
    let r = run_ok(
        "import sys\n\
         from pympler import asizeof\n\
         obj = [1, 2, (3, 4), 'text']\n\
         deep = asizeof.asizeof(obj)\n\
         parts = sum(sys.getsizeof(o) for o in (obj, 1, 2, (3, 4), 3, 4, 'text'))\n\
         print(deep == parts, deep > sys.getsizeof(obj), asizeof.flatsize(obj) == sys.getsizeof(obj))\n\
         rows = [[i] * 10 for i in range(100)]\n\
         a, b = asizeof.asizesof(rows, rows[0])\n\
         print(a + b == asizeof.asizeof(rows), b == asizeof.asizeof(rows[0]), a > 99 * b)\n\
         from pympler.asizeof import asizeof as deep_size\n\
         class Point:\n\
         \x20   def __init__(self, x, y): self.x = x; self.y = y\n\
         print(deep_size(Point(10 ** 20, 2)) > sys.getsizeof(Point(1, 2)))\n",
    );
    assert_eq!(r.stdout, "True True True\nTrue True True\nTrue\n");
    let r = run("from pympler import muppy\n");
    let e = r.error.expect("muppy is not offered");
    assert_eq!(e.kind, "ModuleNotFoundError");
    assert!(e.message.contains("offers pympler.asizeof") && e.message.contains("tracemalloc"), "{}", e.message);
}

/// https://docs.python.org/3/library/asyncio-task.html#coroutines (say_after, run one
/// after the other, then as tasks) and asyncio.gather and Queue from the same docs: the
/// event loop runs with no network; reaching for the network says there is none.
#[test]
fn asyncio_runs_without_a_network() {
    let r = run_ok(
        "import asyncio\n\
         import time\n\
         \n\
         async def say_after(delay, what):\n\
         \x20   await asyncio.sleep(delay)\n\
         \x20   print(what)\n\
         \n\
         async def main():\n\
         \x20   task1 = asyncio.create_task(say_after(0.02, 'hello'))\n\
         \x20   task2 = asyncio.create_task(say_after(0.04, 'world'))\n\
         \x20   started = time.perf_counter()\n\
         \x20   await task1\n\
         \x20   await task2\n\
         \x20   print(0.035 < time.perf_counter() - started < 1)\n\
         \x20   print(await asyncio.gather(*(asyncio.sleep(0.001, result=i) for i in range(3))))\n\
         \x20   queue = asyncio.Queue()\n\
         \x20   for i in range(3):\n\
         \x20       await queue.put(i)\n\
         \x20   print([await queue.get() for _ in range(3)])\n\
         \x20   try:\n\
         \x20       await asyncio.open_connection('example.com', 80)\n\
         \x20   except OSError as e:\n\
         \x20       print(e)\n\
         \n\
         asyncio.run(main())\n",
    );
    assert_eq!(r.stdout, "hello\nworld\nTrue\n[0, 1, 2]\n[0, 1, 2]\nthe playground has no network\n");
    let r = run("import asyncio\nimport socket\n");
    assert!(r.error.unwrap().message.contains("no network"));
}
