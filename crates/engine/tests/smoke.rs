mod common;
use common::*;

#[test]
fn smoke() {
    for code in ["pass", "print('hi')", "x = [i for i in range(100000)]", "sum(x*x for x in range(100000))",
                 "import os\nprint(os.listdir('data'))", "with open('data/server.log') as f:\n    print(sum(1 for _ in f))",
                 "1/0", "def f(): f()\nf()", "import numpy", "import tracemalloc\ntracemalloc.start()\nx=[1]*1000\nprint(tracemalloc.get_traced_memory())\nprint(tracemalloc.take_snapshot().statistics('lineno')[:2])",
                 "import lz4.frame\nprint(len(lz4.frame.decompress(lz4.frame.compress(b'a'*1000))))",
                 "import gzip, bz2, lzma, zlib, json, pickle, array, struct, collections, itertools, dataclasses, random, statistics, functools, sys, gc, io\nprint(sys.getsizeof([1,2,3]))"] {
        let r = run(code);
        println!("=== {code}\npeak={} allocs={} bytes={} retained={} wall={:.1}ms out={:?} err={:?}\nlines={:?}",
            r.peak_bytes, r.allocations, r.allocated_bytes, r.retained_bytes, r.wall_ms, r.stdout, r.error.as_ref().map(|e| (&e.kind, &e.message, e.line)), r.lines);
    }
}
