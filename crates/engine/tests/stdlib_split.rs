//! The standard library's split (`stdlib-core.txt`): the presets and a tutorial's imports
//! need only the frozen part; a module from the bundle imports, works and is measured like
//! a frozen one once the bundle is in. One test, since the bundle is fetched once per
//! process (and other tests running alongside would disturb the counts).

#[path = "engine/common/mod.rs"]
mod common;
use common::*;
use memplay_engine::stdlib_bundle_loaded_by;
use memplay_model::PRESETS;

const TUTORIAL: &str = "import sys, gc, os, io, itertools, collections, array, json, pickle, zlib, gzip, bz2, lzma
import struct, tracemalloc, random, time, dataclasses, functools, statistics, datetime, csv, re, math
import copy, heapq, bisect, string, textwrap, typing, enum, operator, weakref, decimal, fractions
import pprint, timeit, base64, hashlib, abc, types, itertools, math, contextlib, inspect, dis
import lz4.frame
print(json.dumps({'a': [1, 2]}), decimal.Decimal('1.1') + 1, fractions.Fraction(1, 3), statistics.mean([1, 2]))
";

/// A bundle module with a package, a submodule and a dependency of its own.
const FROM_BUNDLE: &str = "import difflib, email.message\nm = email.message.Message()\nm['To'] = 'x'\nprint(difflib.SequenceMatcher(None, 'abcd', 'abxd').ratio(), m['To'])\n";

#[test]
fn presets_use_only_frozen_modules_and_the_bundle_loads_on_demand() {
    for p in PRESETS {
        for code in [p.a_code, p.b_code] {
            run_ok(code);
            assert_eq!(stdlib_bundle_loaded_by(), None, "preset {} needed the bundle", p.id);
        }
    }
    let tutorial = run_ok(TUTORIAL);
    assert_eq!(stdlib_bundle_loaded_by(), None, "the tutorial line needed the bundle");
    assert!(tutorial.stdout.contains("2.1 1/3 1.5"), "{}", tutorial.stdout);

    let first = run_ok(FROM_BUNDLE);
    assert_eq!(stdlib_bundle_loaded_by(), Some("difflib"));
    assert_eq!(first.stdout, "0.75 x\n");
    assert_eq!(first.warmed_imports, ["difflib", "email.message"]);
    let second = run_ok(FROM_BUNDLE);
    let third = run_ok(FROM_BUNDLE);
    // Whether this run fetched the bundle (7.5 MB) or not, an import costs the same, give
    // or take the allocation or two that RustPython's process-wide type cache sometimes
    // moves between runs.
    for later in [&second, &third] {
        assert_eq!(later.stdout, first.stdout);
        assert!(later.peak_bytes.abs_diff(first.peak_bytes) <= 1024, "{} vs {}", later.peak_bytes, first.peak_bytes);
        assert!(later.allocations.abs_diff(first.allocations) <= 8, "{} vs {}", later.allocations, first.allocations);
    }

    let left_out = run("import tkinter\n");
    assert_eq!(left_out.error.expect("fails").kind, "ModuleNotFoundError");
}
