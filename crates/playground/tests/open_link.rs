//! Opening share links in the page and in an embed, through the reducer.

use memplay_model::{EngineInfo, FromWorker};
use memplay_playground::{
    Action, DEFAULT_PRESET, Draft, Effect, Mode, PaneDraft, Settings, Shared, Side, State, Theme,
};

fn ready(mut s: State) -> State {
    s.apply(Action::EngineCompiled);
    for side in Side::BOTH {
        let engine = EngineInfo { name: "e".into(), version: "1".into() };
        s.apply(Action::Worker(side, FromWorker::Ready { engine }));
    }
    s
}

fn my_draft() -> Draft {
    Draft {
        a: PaneDraft { title: "mine A".into(), code: "a = 1\n".into() },
        b: PaneDraft { title: "mine B".into(), code: "b = 2\n".into() },
        ..Draft::default()
    }
}

fn link(run: bool) -> String {
    let shared = Shared {
        a: PaneDraft { title: "shared A".into(), code: "xs = [0] * 100\n".into() },
        b: PaneDraft { title: "shared B".into(), code: "xs = bytes(100)\n".into() },
        preset: None,
        settings: Settings::default().with_time_s(4),
    };
    format!("#{}", shared.link(run).fragment().unwrap())
}

fn saves(effects: &[Effect]) -> Vec<&Draft> {
    effects.iter().filter_map(|e| if let Effect::SaveDraft(d) = e { Some(d) } else { None }).collect()
}

fn started(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| matches!(e, Effect::StartRun { .. })).count()
}

#[test]
fn a_link_shows_its_snippets_without_touching_the_saved_draft() {
    let mut s = ready(State::new(Some(my_draft())));
    let effects = s.apply(Action::OpenLink(link(false)));
    assert!(saves(&effects).is_empty() && started(&effects) == 0, "{effects:?}");
    assert_eq!(s.pane(Side::A).title, "shared A");
    assert_eq!(s.pane(Side::B).code, "xs = bytes(100)\n");
    assert_eq!(s.settings.limits().time_ms, 4000);
    let notice = s.notice.clone().unwrap();
    assert!(!notice.error && notice.can_restore && notice.text.contains("shared A vs shared B"), "{notice:?}");
    // Changing the theme keeps the person's own snippets in the saved draft.
    let effects = s.apply(Action::SetTheme(Theme::Dark));
    assert_eq!(saves(&effects), [&Draft { theme: Theme::Dark, ..my_draft() }]);
}

#[test]
fn restore_brings_back_the_persons_own_snippets() {
    let mut s = ready(State::new(Some(my_draft())));
    s.apply(Action::OpenLink(link(false)));
    let effects = s.apply(Action::RestorePrevious);
    assert_eq!(s.pane(Side::A).code, "a = 1\n");
    assert_eq!(s.notice, None);
    assert!(effects.contains(&Effect::ClearFragment));
    assert_eq!(saves(&effects), [&my_draft()]);
}

#[test]
fn editing_a_link_makes_it_the_persons_draft_and_clears_the_address() {
    let mut s = ready(State::new(Some(my_draft())));
    s.apply(Action::OpenLink(link(false)));
    let effects = s.apply(Action::SetCode(Side::A, "xs = []\n".into()));
    assert!(effects.contains(&Effect::ClearFragment));
    assert_eq!(saves(&effects)[0].a.code, "xs = []\n");
    assert_eq!(saves(&effects)[0].b.title, "shared B");
    assert!(!s.from_link);
    let again = s.apply(Action::SetCode(Side::A, "xs = [1]\n".into()));
    assert!(!again.contains(&Effect::ClearFragment), "only the first edit clears it");
}

#[test]
fn run_on_open_runs_once_python_is_ready() {
    let mut s = State::new(None);
    assert_eq!(started(&s.apply(Action::OpenLink(link(true)))), 0, "workers are still starting");
    assert!(s.running());
    let s = ready(s);
    assert!(s.pane(Side::A).running() && s.pane(Side::B).running());
    let mut quiet = ready(State::new(None));
    assert_eq!(started(&quiet.apply(Action::OpenLink(link(false)))), 0);
    assert!(!quiet.running());
}

#[test]
fn a_broken_link_shows_the_default_preset_and_runs_nothing() {
    let mut s = ready(State::new(Some(my_draft())));
    let broken = format!("{}&run", &link(false)[..40]);
    let effects = s.apply(Action::OpenLink(broken));
    assert_eq!(started(&effects), 0);
    assert!(!s.running());
    assert_eq!(s.preset.as_deref(), Some(DEFAULT_PRESET));
    let notice = s.notice.clone().unwrap();
    assert!(notice.error && notice.can_restore, "{notice:?}");
    assert!(notice.text.starts_with("This link cannot be opened: the link is garbled"), "{}", notice.text);
    assert!(saves(&effects).is_empty(), "the saved draft is untouched");
    assert!(effects.contains(&Effect::ClearFragment));
    s.apply(Action::RestorePrevious);
    assert_eq!(s.pane(Side::B).code, "b = 2\n");
}

#[test]
fn a_preset_link_opens_the_preset() {
    let mut s = ready(State::new(None));
    s.apply(Action::OpenLink("#preset=keep-vs-del".into()));
    assert_eq!(s.preset.as_deref(), Some("keep-vs-del"));
    assert!(!s.notice.as_ref().unwrap().can_restore, "an unedited preset is not worth restoring");
    assert_eq!(s.share_fragment(false, false).unwrap(), "preset=keep-vs-del");
}

#[test]
fn an_embed_never_saves_and_shares_what_it_shows() {
    let mut s = ready(State::embedded());
    assert_eq!(s.mode, Mode::Embed);
    let effects = s.apply(Action::OpenLink(link(false)));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.notice, None, "an embed shows no link notice");
    let effects = s.apply(Action::SetCode(Side::A, "y = 3\n".into()));
    assert!(effects.is_empty(), "{effects:?}");
    let fragment = s.share_fragment(false, false).unwrap();
    let mut page = State::new(None);
    page.apply(Action::OpenLink(fragment));
    assert_eq!(page.pane(Side::A).code, "y = 3\n");
    assert_eq!(page.pane(Side::B).title, "shared B");
}

#[test]
fn the_query_says_whether_the_page_is_an_embed() {
    assert_eq!(Mode::from_query("?embed"), Mode::Embed);
    assert_eq!(Mode::from_query("?frame=2&embed&parent=x"), Mode::Embed);
    assert_eq!(Mode::from_query(""), Mode::Page);
    assert_eq!(Mode::from_query("?embedded-in=blog"), Mode::Page);
}
