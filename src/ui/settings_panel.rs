//! Limits and options, in a panel that stays folded until opened.

use memplay_playground::Settings;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[component]
pub fn SettingsPanel(p: &Props) -> Html {
    let s = &p.settings;
    let l = s.limits();
    let number = |f: fn(Settings, u64) -> Settings| {
        let (settings, cb) = (s.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Ok(v) = input.value().trim().parse::<u64>() {
                cb.emit(f(settings.clone(), v));
            }
        })
    };
    let warm = {
        let (settings, cb) = (s.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            cb.emit(settings.clone().with_warm_imports(e.target_unchecked_into::<HtmlInputElement>().checked()));
        })
    };
    let (t, m, o) = (Settings::TIME_S, Settings::MEMORY_MIB, Settings::OUTPUT_KIB);
    html! {
        <details class="settings" data-testid="settings">
            <summary>{ "Settings: limits and options" }</summary>
            <div class="settings-grid">
                <label>{ "Time limit (s)" }
                    <input type="number" min={t.0.to_string()} max={t.1.to_string()} data-testid="setting-time"
                        value={(l.time_ms / 1000).to_string()} onchange={number(Settings::with_time_s)} />
                </label>
                <label>{ "Memory limit (MiB)" }
                    <input type="number" min={m.0.to_string()} max={m.1.to_string()} data-testid="setting-memory"
                        value={(l.memory_bytes >> 20).to_string()} onchange={number(Settings::with_memory_mib)} />
                </label>
                <label>{ "Output kept (KiB)" }
                    <input type="number" min={o.0.to_string()} max={o.1.to_string()} data-testid="setting-output"
                        value={(l.output_bytes >> 10).to_string()} onchange={number(Settings::with_output_kib)} />
                </label>
                <label class="check">
                    <input type="checkbox" checked={s.options.warm_imports} onchange={warm} data-testid="setting-warm" />
                    { "Import modules before measuring (their loading cost is not counted)" }
                </label>
            </div>
        </details>
    }
}
