//! What opening a share link does to the page, and how the person's own snippets are
//! kept: the saved draft is not written while the snippets are a link's, so a link (good
//! or broken) never costs the person their work; "Restore" brings it back at once.

use memplay_model::Side;

use crate::{Autostart, DEFAULT_PRESET, Draft, Effect, Link, LinkContent, Mode, Notice, PaneDraft, Settings, State};

impl State {
    pub(crate) fn open_link(&mut self, fragment: &str, effects: &mut Vec<Effect>) {
        let link = match Link::parse(fragment) {
            Ok(Some(link)) => link,
            Ok(None) => return,
            Err(e) => {
                let can_restore = self.set_aside();
                let d = State::preset_draft(DEFAULT_PRESET);
                self.show(&d.a, &d.b, d.preset, Settings::default());
                // Not the person's snippets either: the draft stays as it was.
                self.from_link = true;
                let text = format!("This link cannot be opened: {e}. Showing the default preset instead.");
                self.notice = Some(Notice { error: true, text, can_restore });
                if self.mode == Mode::Page {
                    effects.push(Effect::ClearFragment);
                }
                return;
            }
        };
        let can_restore = self.set_aside();
        match link.content {
            LinkContent::Preset(id) => {
                let d = State::preset_draft(&id);
                self.show(&d.a, &d.b, d.preset, Settings::default());
            }
            LinkContent::Snippets(shared) => {
                let shared = *shared;
                self.show(&shared.a, &shared.b, shared.preset, shared.settings);
            }
        }
        self.from_link = true;
        if self.mode == Mode::Page {
            let text = format!("Opened a shared comparison: {}.", self.headline());
            self.notice = Some(Notice { error: false, text, can_restore });
        }
        let start = if link.sweep {
            Some(Autostart::Sweep)
        } else if link.cpython {
            Some(Autostart::Cpython)
        } else {
            link.run.then_some(Autostart::Run)
        };
        if let Some(start) = start {
            self.autostart(start, effects);
        }
    }

    pub(crate) fn restore_previous(&mut self, effects: &mut Vec<Effect>) {
        let Some(d) = self.previous.take() else { return };
        self.show(&d.a, &d.b, d.preset, d.settings);
        self.notice = None;
        self.edited(effects);
    }

    /// Keeps the person's own snippets before a link replaces them (a second link keeps
    /// the first set-aside draft). True when they are worth restoring: their own code,
    /// not an unedited preset that is one click away anyway.
    fn set_aside(&mut self) -> bool {
        if self.mode == Mode::Embed {
            return false;
        }
        if !self.from_link {
            self.previous = Some(self.draft());
        }
        self.previous.as_ref().is_some_and(|d| d.preset.is_none())
    }

    /// Puts snippets, their preset and settings in the panes.
    pub(crate) fn show(&mut self, a: &PaneDraft, b: &PaneDraft, preset: Option<String>, settings: Settings) {
        for (side, d) in [(Side::A, a), (Side::B, b)] {
            let pane = self.pane_mut(side);
            pane.title.clone_from(&d.title);
            pane.set_code(&d.code);
        }
        self.titled_by = [preset.clone(), preset.clone()];
        self.preset = preset;
        self.settings = settings.sanitized();
    }

    /// Once a pane's code is no longer its preset's, the preset's title stops claiming it
    /// is: the pane becomes plain "A" or "B" (a title the person set is theirs and stays).
    pub(crate) fn retitle(&mut self, side: Side) {
        let i = side.index();
        let Some(p) = self.titled_by[i].as_deref().and_then(memplay_model::preset) else { return };
        let (title, code) = match side {
            Side::A => (p.a_title, p.a_code),
            Side::B => (p.b_title, p.b_code),
        };
        let pane = &self.panes[i];
        if pane.title != title {
            self.titled_by[i] = None;
        } else if !memplay_model::still_the_preset(code, &pane.code) {
            self.titled_by[i] = None;
            self.panes[i].title = side.letter().to_uppercase();
        }
    }

    /// The person changed the snippets or settings: they are theirs now, so the address
    /// drops the link and the draft is saved.
    pub(crate) fn edited(&mut self, effects: &mut Vec<Effect>) {
        if self.from_link {
            self.from_link = false;
            if self.mode == Mode::Page {
                effects.push(Effect::ClearFragment);
            }
            // The snippets are the person's now, not "a shared comparison": the notice
            // stays only to offer their earlier snippets back.
            if let Some(n) = self.notice.as_mut().filter(|n| !n.error) {
                if n.can_restore {
                    n.text = "Your earlier snippets were set aside when the link opened.".into();
                } else {
                    self.notice = None;
                }
            }
        }
        self.save(effects);
    }

    /// Saves the draft, except in an embed (a post must not overwrite the reader's own
    /// draft) and, while the snippets are a link's, saves only the theme.
    pub(crate) fn save(&self, effects: &mut Vec<Effect>) {
        if self.mode == Mode::Embed {
            return;
        }
        let draft = if self.from_link {
            let kept = self.previous.clone().unwrap_or_else(|| State::preset_draft(DEFAULT_PRESET));
            Draft { theme: self.theme, ..kept }
        } else {
            self.draft()
        };
        effects.push(Effect::SaveDraft(draft));
    }
}
