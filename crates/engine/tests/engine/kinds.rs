//! What kind of objects were alive at the peak: by Python type, from the allocator, on the
//! presets whose lesson is about kinds.

use crate::common::*;
use memplay_model::{AtPeak, INTERPRETER, PeakType, preset};

fn kinds(code: &str) -> AtPeak {
    let r = run_ok(code);
    let at = r.at_peak.expect("a finished run explains its peak");
    let sum: i64 = at.by_type.iter().map(|t| t.bytes).sum();
    let peak = r.peak_bytes as i64;
    assert!((sum - peak).abs() <= peak / 20 + 64, "the kinds add up to the peak: {sum} vs {peak}\n{:#?}", at.by_type);
    let sorted = at.by_type.windows(2).all(|w| w[0].bytes >= w[1].bytes);
    assert!(sorted, "largest first: {:#?}", at.by_type);
    at
}

fn kind<'a>(at: &'a AtPeak, name: &str) -> Option<&'a PeakType> {
    at.by_type.iter().find(|t| t.name == name)
}

fn count(at: &AtPeak, name: &str) -> i64 {
    kind(at, name).map_or(0, |t| t.count)
}

#[test]
fn a_list_of_squares_is_ints_and_one_list_and_a_generator_holds_few() {
    let p = preset("list-vs-generator").unwrap();
    let a = kinds(p.a_code);
    let ints = kind(&a, "int").expect("ints");
    assert!(ints.count >= 99_000, "{:#?}", a.by_type);
    assert!(ints.bytes * 2 >= a.live_bytes as i64, "ints hold half the peak: {:#?}", a.by_type);
    let list = kind(&a, "list").expect("a list");
    assert!(list.bytes >= 700_000, "the list's own array of items counts as the list: {list:?}");
    assert!(list.count <= 3, "{list:?}");
    let b = kinds(p.b_code);
    assert!(count(&b, "int") < 100, "{:#?}", b.by_type);
    // Each line names what it made.
    let line = a.by_line.iter().find(|l| l.line > 0 && l.bytes * 2 > a.live_bytes as i64).unwrap();
    assert_eq!(line.types[0].name, "int", "{line:?}");
}

#[test]
fn instances_with_a_dict_each_against_slots() {
    let p = preset("dict-vs-slots").unwrap();
    let a = kinds(p.a_code);
    assert!(count(&a, "dict") >= 19_800, "{:#?}", a.by_type);
    let b = kinds(p.b_code);
    assert!(count(&b, "dict") <= 100, "{:#?}", b.by_type);
    let point =
        |at: &AtPeak| at.by_type.iter().filter(|t| t.count >= 19_800).map(|t| t.name.clone()).collect::<Vec<_>>();
    assert!(point(&a).iter().any(|n| n != "dict" && n != "int"), "the class by its own name: {:#?}", a.by_type);
    assert!(!point(&b).is_empty(), "{:#?}", b.by_type);
}

#[test]
fn lists_against_tuples_and_readlines_against_iteration() {
    let p = preset("list-vs-tuple").unwrap();
    assert!(count(&kinds(p.a_code), "list") >= 29_700);
    assert!(count(&kinds(p.b_code), "tuple") >= 29_700);
    let p = preset("readlines-vs-iteration").unwrap();
    let a = kinds(p.a_code);
    // 4,000,000 characters of a log whose lines are under 60 characters: a str per line.
    let lines = run_ok("n = 0\nwith open('data/server.log') as f:\n    n = len(f.readlines(4_000_000))\nprint(n)\n");
    let lines: i64 = lines.stdout.trim().parse().unwrap();
    assert!(lines > 50_000);
    // At the peak the last chunk's lines are not made yet (its decoded text is alive
    // instead): all but a few.
    assert!(count(&a, "str") * 100 >= lines * 99, "{:#?} ({lines} lines)", a.by_type);
}

#[test]
fn an_array_holds_its_numbers_in_its_own_buffer() {
    let p = preset("list-vs-array").unwrap();
    let b = kinds(p.b_code);
    let array = kind(&b, "array").expect("the array");
    // B peaks while `array('i', …)` fills its buffer: the buffer is the array's, and the
    // array object itself is made a moment later (so it is counted once, or not yet).
    assert!(array.count <= 1, "{:#?}", b.by_type);
    assert!(array.bytes * 10 >= b.live_bytes as i64 * 9, "the array's buffer is the array's: {:#?}", b.by_type);
    // Grown by appends, a method of the array's own: still the array's.
    let grown = kinds("from array import array\nxs = array('q')\nfor i in range(50_000):\n    xs.append(i)\n");
    let array = kind(&grown, "array").expect("the array");
    assert_eq!(array.count, 1, "{:#?}", grown.by_type);
    assert!(array.bytes >= 400_000, "{:#?}", grown.by_type);
    // A file's read buffer is the file's, made while `open` builds it.
    let file = kinds("f = open('data/server.log')\nfirst = f.readline()\n");
    let buffered = file.by_type.iter().filter(|t| t.name.starts_with("Buffered") || t.name == "TextIOWrapper");
    assert!(buffered.map(|t| t.bytes).sum::<i64>() >= 8192, "{:#?}", file.by_type);
}

#[test]
fn memory_of_no_object_is_the_interpreters_and_a_users_class_reads_as_itself() {
    let a = kinds("class Node:\n    pass\nnodes = [Node() for _ in range(5000)]\n");
    assert!(count(&a, "Node") >= 4950, "{:#?}", a.by_type);
    assert!(a.by_type.iter().all(|t| t.name != INTERPRETER || t.count == 0));
}
