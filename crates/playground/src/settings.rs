use memplay_model::{Limits, RunOptions, SweepRange};
use serde::{Deserialize, Serialize};

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The next theme for the toggle button: system → dark → light → system.
    pub fn next(self) -> Self {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

/// What the settings panel adjusts: the limits, whether imports are warmed, and how
/// far the Scale button sweeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub options: RunOptions,
    pub sweep: SweepRange,
}

impl Settings {
    /// Bounds a person can set in the panel; anything outside is clamped to them.
    pub const TIME_S: (u64, u64) = (1, 120);
    pub const MEMORY_MIB: (u64, u64) = (16, 2048);
    pub const OUTPUT_KIB: (u64, u64) = (1, 16 * 1024);

    pub fn with_time_s(mut self, s: u64) -> Self {
        self.options.limits.time_ms = s.clamp(Self::TIME_S.0, Self::TIME_S.1) * 1000;
        self
    }

    pub fn with_memory_mib(mut self, mib: u64) -> Self {
        self.options.limits.memory_bytes = mib.clamp(Self::MEMORY_MIB.0, Self::MEMORY_MIB.1) << 20;
        self
    }

    pub fn with_output_kib(mut self, kib: u64) -> Self {
        self.options.limits.output_bytes = kib.clamp(Self::OUTPUT_KIB.0, Self::OUTPUT_KIB.1) << 10;
        self
    }

    pub fn with_warm_imports(mut self, on: bool) -> Self {
        self.options.warm_imports = on;
        self
    }

    pub fn with_stacks(mut self, on: bool) -> Self {
        self.options.stacks = on;
        self
    }

    pub fn limits(&self) -> &Limits {
        &self.options.limits
    }

    /// A number field's value, in the field's unit.
    pub fn number(&self, field: NumberSetting) -> u64 {
        let l = self.limits();
        match field {
            NumberSetting::TimeS => l.time_ms / 1000,
            NumberSetting::MemoryMib => l.memory_bytes >> 20,
            NumberSetting::OutputKib => l.output_bytes >> 10,
        }
    }

    /// The settings with a number field set from what a person typed, clamped to the
    /// field's bounds; none when the text is not a whole number.
    pub fn with_number_text(self, field: NumberSetting, text: &str) -> Option<Self> {
        let v = text.trim().parse::<u64>().ok()?;
        Some(match field {
            NumberSetting::TimeS => self.with_time_s(v),
            NumberSetting::MemoryMib => self.with_memory_mib(v),
            NumberSetting::OutputKib => self.with_output_kib(v),
        })
    }

    /// Settings read from a saved draft, clamped into the panel's bounds. The sweep's
    /// range is kept as it is: a range that does not make a sweep is said when Scale is
    /// pressed, not changed behind the person's back.
    pub fn sanitized(self) -> Self {
        let l = self.options.limits;
        let (warm, stacks) = (self.options.warm_imports, self.options.stacks);
        Settings { sweep: self.sweep, ..Settings::default() }
            .with_time_s(l.time_ms / 1000)
            .with_memory_mib(l.memory_bytes >> 20)
            .with_output_kib(l.output_bytes >> 10)
            .with_warm_imports(warm)
            .with_stacks(stacks)
    }
}

/// The reader's choices in "Share & embed": what a shared link does when opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShareOptions {
    pub run: bool,
    pub sweep: bool,
}

/// The settings panel's number fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberSetting {
    TimeS,
    MemoryMib,
    OutputKib,
}

impl NumberSetting {
    pub const ALL: [NumberSetting; 3] = [NumberSetting::TimeS, NumberSetting::MemoryMib, NumberSetting::OutputKib];

    pub fn label(self) -> &'static str {
        match self {
            NumberSetting::TimeS => "Time limit (s)",
            NumberSetting::MemoryMib => "Memory limit (MiB)",
            NumberSetting::OutputKib => "Output kept (KiB)",
        }
    }

    /// The field's `data-testid`.
    pub fn testid(self) -> &'static str {
        match self {
            NumberSetting::TimeS => "setting-time",
            NumberSetting::MemoryMib => "setting-memory",
            NumberSetting::OutputKib => "setting-output",
        }
    }

    /// The least and most a person can set.
    pub fn bounds(self) -> (u64, u64) {
        match self {
            NumberSetting::TimeS => Settings::TIME_S,
            NumberSetting::MemoryMib => Settings::MEMORY_MIB,
            NumberSetting::OutputKib => Settings::OUTPUT_KIB,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped_to_the_panel_bounds() {
        let s = Settings::default().with_time_s(0).with_memory_mib(1 << 30).with_output_kib(4);
        assert_eq!(s.limits().time_ms, 1000);
        assert_eq!(s.limits().memory_bytes, 2048 << 20);
        assert_eq!(s.limits().output_bytes, 4096);
    }

    #[test]
    fn number_fields_read_what_a_person_types_within_bounds() {
        let s = Settings::default();
        let s = s.with_number_text(NumberSetting::MemoryMib, " 64 ").unwrap();
        assert_eq!(s.number(NumberSetting::MemoryMib), 64);
        let s = s.with_number_text(NumberSetting::TimeS, "500").unwrap();
        assert_eq!(s.number(NumberSetting::TimeS), NumberSetting::TimeS.bounds().1);
        assert_eq!(s.clone().with_number_text(NumberSetting::OutputKib, "lots"), None);
        assert_eq!(s.clone().with_number_text(NumberSetting::OutputKib, "-1"), None);
    }

    #[test]
    fn the_theme_toggle_cycles_through_all_three() {
        let t = Theme::System.next().next().next();
        assert_eq!(t, Theme::System);
        assert_eq!(Theme::System.next(), Theme::Dark);
    }
}
