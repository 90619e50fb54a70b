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
    // `get` reads the field back, so a value outside the bounds shows as the clamped one.
    let number = |f: fn(Settings, u64) -> Settings, get: fn(&Settings) -> u64| {
        let (settings, cb) = (s.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Ok(v) = input.value().trim().parse::<u64>() {
                let next = f(settings.clone(), v);
                input.set_value(&get(&next).to_string());
                cb.emit(next);
            }
        })
    };
    let check = |f: fn(Settings, bool) -> Settings| {
        let (settings, cb) = (s.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            cb.emit(f(settings.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()));
        })
    };
    let (t, m, o) = (Settings::TIME_S, Settings::MEMORY_MIB, Settings::OUTPUT_KIB);
    // The number fields are not bound to `value`: Yew rewrites a bound value on every
    // render, and the page renders often while the engine loads or a run streams, which
    // would undo what a person is typing. Their text is set only when the settings change.
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    {
        let refs = refs.clone();
        let values = [l.time_ms / 1000, l.memory_bytes >> 20, l.output_bytes >> 10];
        use_effect_with(values, move |values| {
            for (r, v) in refs.iter().zip(values) {
                if let Some(input) = r.cast::<HtmlInputElement>() {
                    input.set_value(&v.to_string());
                }
            }
        });
    }
    html! {
        <details class="settings" data-testid="settings">
            <summary>{ "Settings: limits and options" }</summary>
            <div class="settings-grid">
                <label>{ "Time limit (s)" }
                    <input type="number" min={t.0.to_string()} max={t.1.to_string()} data-testid="setting-time"
                        ref={refs[0].clone()} onchange={number(Settings::with_time_s, |s| s.limits().time_ms / 1000)} />
                </label>
                <label>{ "Memory limit (MiB)" }
                    <input type="number" min={m.0.to_string()} max={m.1.to_string()} data-testid="setting-memory"
                        ref={refs[1].clone()} onchange={number(Settings::with_memory_mib, |s| s.limits().memory_bytes >> 20)} />
                </label>
                <label>{ "Output kept (KiB)" }
                    <input type="number" min={o.0.to_string()} max={o.1.to_string()} data-testid="setting-output"
                        ref={refs[2].clone()} onchange={number(Settings::with_output_kib, |s| s.limits().output_bytes >> 10)} />
                </label>
                <label class="check">
                    <input type="checkbox" checked={s.options.warm_imports} onchange={check(Settings::with_warm_imports)} data-testid="setting-warm" />
                    { "Import modules before measuring (their loading cost is not counted)" }
                </label>
                <label class="check">
                    <input type="checkbox" checked={s.options.stacks} onchange={check(Settings::with_stacks)} data-testid="setting-stacks" />
                    { "Call stacks at the peak (off: by line only)" }
                </label>
            </div>
        </details>
    }
}
