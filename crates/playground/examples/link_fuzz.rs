//! Decodes a million generated fragments and checks that nothing panics and that every
//! link that opens is clean. `cargo run --release -p memplay-playground --example
//! link_fuzz [COUNT]` prints the count and what became of the inputs; it exits non-zero on
//! the first input that breaks a rule (a panic aborts it too).
//!
//! Inputs mix arbitrary strings, fragment-shaped text, valid base64 of random bytes,
//! deflated random bytes and JSON, and valid links with random edits (truncated, a
//! character changed, removed or added), so every layer of the decoder is reached.

use std::collections::BTreeMap;
use std::process::ExitCode;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use memplay_playground::{Link, LinkContent, LinkError, MAX_TITLE, PaneDraft, Settings, Shared};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

fn v1(bytes: &[u8]) -> String {
    format!("v1={}", URL_SAFE_NO_PAD.encode(bytes))
}

fn valid_link() -> impl Strategy<Value = String> {
    ("[^\\p{Cc}]{0,20}", ".{0,200}", ".{0,200}", 1u64..200, any::<bool>()).prop_map(|(title, a, b, t, run)| {
        let shared = Shared {
            a: PaneDraft { title, code: a },
            b: PaneDraft { title: "b".into(), code: b },
            preset: None,
            settings: Settings::default().with_time_s(t),
        };
        shared.link(run).fragment().expect("small links fit")
    })
}

/// A valid link with 1–4 random edits.
fn mutated() -> impl Strategy<Value = String> {
    (valid_link(), proptest::collection::vec((0u8..4, any::<usize>(), any::<char>()), 1..5)).prop_map(
        |(link, edits)| {
            let mut chars: Vec<char> = link.chars().collect();
            for (kind, at, c) in edits {
                if chars.is_empty() {
                    break;
                }
                let i = at % chars.len();
                match kind {
                    0 => chars.truncate(i),
                    1 => chars[i] = c,
                    2 => {
                        chars.remove(i);
                    }
                    _ => chars.insert(i, if at % 2 == 0 { c } else { char::from(b'A' + (at % 26) as u8) }),
                }
            }
            chars.into_iter().collect()
        },
    )
}

fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "#?[a-z0-9=&_-]{0,300}",
        "(v1=|#v1=|preset=|v2=|run&v1=)[A-Za-z0-9_=-]{0,400}",
        proptest::collection::vec(any::<u8>(), 0..600).prop_map(|b| v1(&b)),
        proptest::collection::vec(any::<u8>(), 0..600).prop_map(|b| v1(&miniz_oxide::deflate::compress_to_vec(&b, 6))),
        "\\{(\"a\"|\"b\"|\"limits\"|\"preset\"|[:,\\[\\]{}0-9 -]|\"[a-z_]{0,8}\"){0,40}\\}?"
            .prop_map(|j| v1(&miniz_oxide::deflate::compress_to_vec(j.as_bytes(), 6))),
        mutated(),
        mutated(),
    ]
}

/// What every opened link must be: clean titles, settings within bounds, a known preset,
/// and the same state after writing it out again.
fn check(link: &Link) -> Result<(), String> {
    let LinkContent::Snippets(s) = &link.content else { return Ok(()) };
    for t in [&s.a.title, &s.b.title] {
        if t.chars().count() > MAX_TITLE || t.chars().any(char::is_control) {
            return Err(format!("unclean title {t:?}"));
        }
    }
    if s.settings != s.settings.clone().sanitized() {
        return Err(format!("settings out of bounds: {:?}", s.settings));
    }
    if s.preset.as_deref().is_some_and(|id| memplay_model::preset(id).is_none()) {
        return Err(format!("unknown preset {:?}", s.preset));
    }
    if let Ok(fragment) = Shared::clone(s).link(link.run).fragment() {
        let again = Link::parse(&fragment).map_err(|e| format!("re-encoded link fails: {e}"))?;
        let same = match again.as_ref().map(|l| &l.content) {
            Some(LinkContent::Snippets(t)) => **t == **s,
            Some(LinkContent::Preset(id)) => s.preset.as_ref() == Some(id),
            None => false,
        };
        if !same {
            return Err("re-encoded link opens differently".into());
        }
    }
    Ok(())
}

fn outcome(result: &Result<Option<Link>, LinkError>) -> &'static str {
    match result {
        Ok(None) => "empty",
        Ok(Some(Link { content: LinkContent::Preset(_), .. })) => "opened (preset)",
        Ok(Some(_)) => "opened (snippets)",
        Err(LinkError::TooLong(_)) => "refused: too long",
        Err(LinkError::NotBase64) => "refused: not base64",
        Err(LinkError::Corrupt) => "refused: does not unpack",
        Err(LinkError::TooLarge) => "refused: unpacks too large",
        Err(LinkError::NotAComparison(_)) => "refused: not a comparison",
        Err(LinkError::NewerVersion(_)) => "refused: newer version",
        Err(LinkError::UnknownPreset(_)) => "refused: unknown preset",
        Err(LinkError::Unrecognized) => "refused: not a link",
        Err(LinkError::TooBigToShare(_)) => "refused: too big (writing only)",
    }
}

fn main() -> ExitCode {
    let count: u64 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let strategy = input();
    let mut runner = TestRunner::deterministic();
    let mut outcomes: BTreeMap<&str, u64> = BTreeMap::new();
    let started = std::time::Instant::now();
    for i in 0..count {
        let text = strategy.new_tree(&mut runner).expect("a generated input").current();
        let result = Link::parse(&text);
        if let Ok(Some(link)) = &result
            && let Err(why) = check(link)
        {
            eprintln!("link fuzz: input {i} breaks a rule: {why}\ninput: {text:?}");
            return ExitCode::FAILURE;
        }
        *outcomes.entry(outcome(&result)).or_default() += 1;
    }
    println!("link fuzz: {count} inputs decoded in {:.1} s, 0 panics, 0 broken rules", started.elapsed().as_secs_f64());
    for (what, n) in outcomes {
        println!("  {what:<28} {n}");
    }
    ExitCode::SUCCESS
}
