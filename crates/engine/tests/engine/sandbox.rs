//! The Python environment: files, os, tracemalloc, the listed modules, and no way out.

use crate::common::*;

#[test]
fn the_sample_files_are_there_and_csv_reads_them() {
    let r = run_ok(
        "import csv, os\nprint(sorted(os.listdir('data')))\nwith open('data/measurements.csv', newline='') as f:\n    rows = list(csv.DictReader(f))\nprint(len(rows), rows[0]['sensor'])\nprint(os.path.getsize('data/server.log') > 1_000_000)\n",
    );
    assert_eq!(r.stdout, "['README.txt', 'measurements.csv', 'server.log']\n20000 sensor-0\nTrue\n");
}

#[test]
fn files_can_be_written_appended_read_and_removed() {
    let r = run_ok(concat!(
        "import os\n",
        "with open('notes.txt', 'w') as f:\n    f.write('one\\n')\n",
        "with open('notes.txt', 'a') as f:\n    print('two', file=f)\n",
        "print(open('notes.txt').read().split())\n",
        "os.makedirs('out/deep', exist_ok=True)\n",
        "with open('out/deep/b.bin', 'wb') as f:\n    f.write(bytes(range(5)))\n",
        "with open('out/deep/b.bin', 'rb') as f:\n    f.seek(2)\n    print(list(f.read()))\n",
        "os.rename('notes.txt', 'out/n.txt')\n",
        "print(os.path.exists('notes.txt'), os.path.isfile('out/n.txt'), os.path.isdir('out'))\n",
        "os.remove('out/n.txt')\n",
        "print(sorted(os.listdir('out')), os.getcwd())\n",
    ));
    assert_eq!(
        r.stdout,
        "['one', 'two']\n[2, 3, 4]\nFalse True True\n['deep']\n/sandbox\n".replace("\n/sandbox", " /sandbox")
    );
}

#[test]
fn files_do_not_outlive_the_run() {
    run_ok("open('left.txt', 'w').write('x')\n");
    let e = run("open('left.txt')\n").error.expect("gone");
    assert_eq!(e.kind, "FileNotFoundError");
}

#[test]
fn the_host_is_out_of_reach() {
    for (code, kind) in [
        ("open('/etc/passwd')", "FileNotFoundError"),
        ("import os\nos.system('ls')", "PermissionError"),
        ("import os\nos.chdir('/')", "PermissionError"),
        ("import js", "ModuleNotFoundError"),
        ("import browser", "ModuleNotFoundError"),
        ("__import__('_js')", "ModuleNotFoundError"),
        ("import socket", "ModuleNotFoundError"),
        ("import subprocess", "ModuleNotFoundError"),
        ("import ctypes", "ModuleNotFoundError"),
        ("open(0)", "OSError"),
    ] {
        let e = run(code).error.unwrap_or_else(|| panic!("{code} should fail"));
        assert_eq!(e.kind, kind, "{code}: {}", e.message);
    }
}

#[test]
fn numpy_names_array_as_the_alternative() {
    let e = run("import numpy as np\n").error.expect("no numpy");
    assert_eq!(e.kind, "ModuleNotFoundError");
    assert!(e.message.contains("array"), "{}", e.message);
}

#[test]
fn the_listed_modules_import() {
    let r = run_ok(
        "import sys, gc, os, io, itertools, collections, array, json, pickle, zlib, gzip, bz2, lzma, struct, tracemalloc, random, time, dataclasses, functools, statistics\nimport lz4.frame\nprint('ok')\n",
    );
    assert_eq!(r.stdout, "ok\n");
}

#[test]
fn codecs_round_trip() {
    let r = run_ok(concat!(
        "import zlib, gzip, bz2, lzma, lz4.frame, pickle, json\n",
        "data = b'memplay ' * 5000\n",
        "for c in (zlib, gzip, bz2, lzma, lz4.frame):\n",
        "    z = c.compress(data)\n",
        "    assert c.decompress(z) == data and len(z) < len(data) // 10, c\n",
        "obj = {'a': [1, 2.5, None], 'b': 'x'}\n",
        "assert pickle.loads(pickle.dumps(obj)) == obj and json.loads(json.dumps(obj)) == obj\n",
        "print('ok')\n",
    ));
    assert_eq!(r.stdout, "ok\n");
}

#[test]
fn tracemalloc_works_as_in_the_tutorials() {
    let r = run_ok(concat!(
        "import tracemalloc\n",
        "tracemalloc.start()\n",
        "print(tracemalloc.is_tracing())\n",
        "big = [str(i) for i in range(20_000)]\n",
        "current, peak = tracemalloc.get_traced_memory()\n",
        "print(current > 500_000, peak >= current)\n",
        "del big\n",
        "after, _ = tracemalloc.get_traced_memory()\n",
        "print(after < current)\n",
        "tracemalloc.reset_peak()\n",
        "print(tracemalloc.get_traced_memory()[1] < peak)\n",
        "keep = bytearray(300_000)\n",
        "snapshot = tracemalloc.take_snapshot()\n",
        "top = snapshot.statistics('lineno')[0]\n",
        "print(top.traceback[0].lineno, top.size >= 300_000)\n",
        // Cleared traces: what was made before is neither listed nor taken off when freed.
        "tracemalloc.clear_traces()\n",
        "del keep\n",
        "small = [0] * 50_000\n",
        "stats = tracemalloc.take_snapshot().statistics('lineno')\n",
        "print(stats[0].traceback[0].lineno, stats[0].size >= 200_000, all(s.size > 0 for s in stats))\n",
        "tracemalloc.stop()\n",
        "print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())\n",
    ));
    assert_eq!(r.stdout, "True\nTrue True\nTrue\nTrue\n12 True\n18 True True\nFalse (0, 0)\n");
}

#[test]
fn getsizeof_gc_and_clocks_work() {
    let r = run_ok(concat!(
        "import sys, gc, time\n",
        "print(sys.getsizeof([]) < sys.getsizeof(list(range(100))))\n",
        "print(isinstance(gc.collect(), int))\n",
        "t = time.perf_counter()\n",
        "time.sleep(0.01)\n",
        "print(time.perf_counter() - t >= 0.009, time.monotonic_ns() > 0, time.time() > 1.6e9)\n",
    ));
    assert_eq!(r.stdout, "True\nTrue\nTrue True True\n");
}

#[test]
fn random_is_reproducible_across_runs() {
    let code = "import random, os\nprint(random.random(), os.urandom(4).hex())\n";
    assert_eq!(run_ok(code).stdout, run_ok(code).stdout);
}

#[test]
fn wall_clock_functions_come_from_time_time() {
    // In wasm only time.time() has a clock; time_ns() and datetime.now() are built on it.
    let r = run_ok(concat!(
        "import time, datetime\n",
        "ns, s = time.time_ns(), time.time()\n",
        "print(isinstance(ns, int), abs(ns / 1e9 - s) < 5)\n",
        "now = datetime.datetime.now()\n",
        "print(now.year >= 2024, datetime.datetime.now(datetime.timezone.utc).tzinfo is not None)\n",
    ));
    assert_eq!(r.stdout, "True True\nTrue True\n");
}

#[test]
fn a_cjk_encoding_says_the_engine_has_no_cjk_codecs() {
    for code in ["'漢'.encode('gbk')", "b'a'.decode('Shift-JIS')", "import codecs\ncodecs.lookup('sjis')"] {
        let e = run(code).error.unwrap_or_else(|| panic!("{code} should fail"));
        assert_eq!(e.kind, "LookupError", "{code}");
        assert!(e.message.contains("no CJK codecs"), "{code}: {}", e.message);
    }
    let e = run("'a'.encode('no-such-codec')").error.expect("unknown");
    assert_eq!(e.kind, "LookupError");
    assert!(e.message.starts_with("unknown encoding: no") && !e.message.contains("CJK"), "{}", e.message);
    let r = run_ok("print('é'.encode('latin-1'), 'é'.encode('utf-16-le'), 'é'.encode('cp1252'))\n");
    assert_eq!(r.stdout, "b'\\xe9' b'\\xe9\\x00' b'\\xe9'\n");
}

#[test]
fn unicode_names_in_string_literals_are_matched_as_cpython_matches_them() {
    // Case is ignored; spacing and underscores are not; aliases are names too.
    let r = run_ok(
        "print(ascii('\\N{BLACK STAR}'), ascii('\\N{latin small letter a}'), ascii('\\N{BACKSPACE}'), ascii('\\N{LATIN CAPITAL LETTER GHA}'), ascii('\\N{CJK UNIFIED IDEOGRAPH-4E00}'))\n",
    );
    assert_eq!(r.stdout, "'\\u2605' 'a' '\\x08' '\\u01a2' '\\u4e00'\n");
    for loose in ["BLACK_STAR", "BLACKSTAR", "black  star", "NO SUCH NAME"] {
        let e = run(&format!("s = '\\N{{{loose}}}'\n")).error.unwrap_or_else(|| panic!("{loose} should not be a name"));
        assert_eq!(e.kind, "SyntaxError", "{loose}: {}", e.message);
    }
    let r = run_ok("import unicodedata\nprint(unicodedata.name('★'), ascii(unicodedata.lookup('black star')))\n");
    assert_eq!(r.stdout, "BLACK STAR '\\u2605'\n");
}
