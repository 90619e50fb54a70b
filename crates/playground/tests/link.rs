//! Share links: the corpus of links from each format version, round trips of any state,
//! and every way a link can be broken.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use memplay_playground::{
    Link, LinkContent, LinkError, MAX_DECODED, MAX_FRAGMENT, MAX_TITLE, PaneDraft, Settings, Shared,
};
use proptest::prelude::*;

fn corpus() -> Vec<(String, String)> {
    include_str!("links/v1.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (name, fragment) = l.split_once(' ').expect("NAME FRAGMENT");
            (name.to_owned(), fragment.to_owned())
        })
        .collect()
}

fn open(fragment: &str) -> Link {
    Link::parse(fragment).expect("opens").expect("is a link")
}

fn snippets(link: &Link) -> &Shared {
    match &link.content {
        LinkContent::Snippets(s) => s,
        other => panic!("expected snippets, got {other:?}"),
    }
}

fn v1(json: &str) -> String {
    format!("v1={}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6)))
}

#[test]
fn every_v1_link_in_the_corpus_still_opens_as_it_did() {
    let corpus = corpus();
    assert_eq!(corpus.len(), 4);
    for (name, fragment) in &corpus {
        let link = open(fragment);
        match name.as_str() {
            "rust-encoder" => {
                let s = snippets(&link);
                assert!(!link.run);
                assert_eq!(s.a.title, "list → sum «A»");
                assert_eq!(s.a.code, "data = [x * x for x in range(10_000)]\nprint(sum(data))\n");
                assert_eq!(s.b.title, "<b>generator</b>", "titles are text, kept as written");
                assert_eq!(s.b.code, "print(sum(x * x for x in range(10_000)))\n");
                let expected =
                    Settings::default().with_time_s(5).with_memory_mib(64).with_output_kib(8).with_warm_imports(false);
                assert_eq!(s.settings, expected);
                assert_eq!(s.preset, None);
            }
            "embed-js" => {
                let s = snippets(&link);
                assert!(link.run);
                assert_eq!((s.a.title.as_str(), s.b.title.as_str()), ("made by embed.js", ""));
                assert_eq!(s.b.code, "xs = range(1000)\n");
                assert_eq!(s.settings, Settings::default(), "left-out fields take the defaults");
            }
            "preset" => assert_eq!(
                link,
                Link {
                    content: LinkContent::Preset("list-vs-generator".into()),
                    run: false,
                    sweep: false,
                    cpython: false
                }
            ),
            "preset-run" => {
                assert_eq!(
                    link,
                    Link {
                        content: LinkContent::Preset("keep-vs-del".into()),
                        run: true,
                        sweep: false,
                        cpython: false
                    }
                )
            }
            other => panic!("no expectation for corpus link {other}"),
        }
    }
}

#[test]
fn an_unedited_preset_makes_a_short_link() {
    let p = memplay_model::preset("list-vs-generator").unwrap();
    let shared = Shared {
        a: PaneDraft { title: p.a_title.into(), code: p.a_code.into() },
        b: PaneDraft { title: p.b_title.into(), code: p.b_code.into() },
        preset: Some(p.id.into()),
        settings: Settings::default(),
    };
    assert_eq!(shared.clone().link(false).fragment().unwrap(), "preset=list-vs-generator");
    assert_eq!(shared.clone().link(true).fragment().unwrap(), "preset=list-vs-generator&run");
    // Changed settings are not in a preset link, so the full form carries them.
    let slow = Shared { settings: Settings::default().with_time_s(3), ..shared };
    assert!(slow.link(false).fragment().unwrap().starts_with("v1="));
}

#[test]
fn no_fragment_is_no_link_and_the_hash_is_optional() {
    assert_eq!(Link::parse(""), Ok(None));
    assert_eq!(Link::parse("#"), Ok(None));
    assert_eq!(open("#preset=keep-vs-del"), open("preset=keep-vs-del"));
    assert!(open("preset=keep-vs-del&run=1").run && !open("preset=keep-vs-del&run=0").run);
    assert!(!open("preset=keep-vs-del&utm=x&later-option=2").run, "unknown parts are ignored");
}

#[test]
fn broken_links_say_what_is_wrong() {
    let good = corpus().into_iter().find(|(n, _)| n == "rust-encoder").unwrap().1;
    type Expect = fn(&LinkError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        (good[..good.len() / 2].to_owned(), |e| matches!(e, LinkError::Corrupt)),
        (good.replace('f', "*"), |e| matches!(e, LinkError::NotBase64)),
        ("v1=".to_owned(), |e| matches!(e, LinkError::Corrupt)),
        (format!("v1={}", URL_SAFE_NO_PAD.encode(b"not deflate at all")), |e| matches!(e, LinkError::Corrupt)),
        (v1("{\"a\": 3}"), |e| matches!(e, LinkError::NotAComparison(_))),
        (v1("[1, 2]"), |e| matches!(e, LinkError::NotAComparison(_))),
        (v1("{\"limits\": {\"time_s\": -1}}"), |e| matches!(e, LinkError::NotAComparison(_))),
        ("v2=abc".to_owned(), |e| *e == LinkError::NewerVersion(2)),
        ("run&v17=abc".to_owned(), |e| *e == LinkError::NewerVersion(17)),
        ("preset=no-such-thing".to_owned(), |e| matches!(e, LinkError::UnknownPreset(id) if id == "no-such-thing")),
        ("results".to_owned(), |e| *e == LinkError::Unrecognized),
        ("run".to_owned(), |e| *e == LinkError::Unrecognized),
        (format!("v1={}", "A".repeat(MAX_FRAGMENT)), |e| matches!(e, LinkError::TooLong(_))),
    ];
    for (fragment, expected) in cases {
        let error = Link::parse(&fragment).expect_err(&fragment[..fragment.len().min(60)]);
        assert!(expected(&error), "{fragment:.60}: {error:?}");
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn a_link_that_unpacks_too_far_is_refused_without_unpacking_it_all() {
    // 64 MiB of spaces deflate to about 64 KiB; base64 makes it too long to read, so use
    // just over the decoded limit.
    let bomb = format!("{{\"a\": {{\"code\": \"{}\"}}}}", " ".repeat(MAX_DECODED + 10));
    let fragment = v1(&bomb);
    assert!(fragment.len() < 4096, "it is a small link: {}", fragment.len());
    assert_eq!(Link::parse(&fragment), Err(LinkError::TooLarge));
}

#[test]
fn hostile_content_is_kept_as_text_and_numbers_are_clamped() {
    let link = open(&v1(
        r#"{"a": {"title": "<img src=x onerror=alert(1)>\n\u0007second line", "code": "</script><script>alert(1)</script>"},
            "b": {"title": "x", "code": "import js"}, "preset": "../../etc/passwd",
            "limits": {"time_s": 999999999999, "memory_mib": 0, "output_kib": 18446744073709551615},
            "warm_imports": false, "unknown": {"deep": [1, 2, 3]}}"#,
    ));
    let s = snippets(&link);
    assert_eq!(s.a.title, "<img src=x onerror=alert(1)>  second line", "one line, control characters gone");
    assert_eq!(s.a.code, "</script><script>alert(1)</script>");
    assert_eq!(s.preset, None, "an unknown preset id is dropped");
    assert_eq!(s.settings.limits().time_ms, Settings::TIME_S.1 * 1000);
    assert_eq!(s.settings.limits().memory_bytes, Settings::MEMORY_MIB.0 << 20);
    assert_eq!(s.settings.limits().output_bytes, Settings::OUTPUT_KIB.1 << 10);
    let long = open(&v1(&format!("{{\"a\": {{\"title\": \"{}\"}}}}", "t".repeat(1000))));
    assert_eq!(snippets(&long).a.title.chars().count(), MAX_TITLE);
}

#[test]
fn snippets_too_long_for_a_link_are_refused_when_sharing() {
    // Code that does not compress overflows the packed limit; code that does, the unpacked one.
    let mut x = 1u64;
    let noise: String = (0..120_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'!' + (x % 90) as u8)
        })
        .collect();
    let spaces = " ".repeat(MAX_DECODED + 1);
    for code in [noise, spaces] {
        let shared = Shared { a: PaneDraft { title: "big".into(), code }, ..Shared::default() };
        let error = shared.link(false).fragment().unwrap_err();
        assert!(matches!(error, LinkError::TooBigToShare(n) if n > 100_000), "{error:?}");
    }
}

fn title() -> impl Strategy<Value = String> {
    // What survives cleaning unchanged: no control characters, trimmed, not too long.
    "[^\\p{Cc}]{0,60}".prop_map(|t| t.trim().to_owned())
}

fn pane() -> impl Strategy<Value = PaneDraft> {
    (title(), any::<String>()).prop_map(|(title, code)| PaneDraft { title, code })
}

fn settings() -> impl Strategy<Value = Settings> {
    (Settings::TIME_S.0..=Settings::TIME_S.1, Settings::MEMORY_MIB.0..=Settings::MEMORY_MIB.1)
        .prop_flat_map(|(t, m)| (Just(t), Just(m), Settings::OUTPUT_KIB.0..=Settings::OUTPUT_KIB.1, any::<bool>()))
        .prop_map(|(t, m, o, w)| {
            Settings::default().with_time_s(t).with_memory_mib(m).with_output_kib(o).with_warm_imports(w)
        })
}

fn preset_id() -> impl Strategy<Value = Option<String>> {
    let ids: Vec<Option<String>> =
        std::iter::once(None).chain(memplay_model::PRESETS.iter().map(|p| Some(p.id.to_owned()))).collect();
    proptest::sample::select(ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_state_round_trips(a in pane(), b in pane(), preset in preset_id(), settings in settings(), run in any::<bool>()) {
        let shared = Shared { a, b, preset, settings };
        let link = shared.clone().link(run);
        let fragment = link.fragment().unwrap();
        prop_assert!(fragment.chars().all(|c| c.is_ascii_alphanumeric() || "-_=&".contains(c)), "{}", fragment);
        let back = Link::parse(&format!("#{fragment}")).unwrap().unwrap();
        prop_assert_eq!(back.run, run);
        match back.content {
            LinkContent::Snippets(s) => prop_assert_eq!(*s, shared),
            LinkContent::Preset(id) => {
                prop_assert_eq!(Some(id), shared.preset);
                prop_assert_eq!(shared.settings, Settings::default());
            }
        }
    }

    #[test]
    fn decoding_anything_never_panics(text in any::<String>()) {
        let _ = Link::parse(&text);
        let _ = Link::parse(&format!("v1={text}"));
    }
}
