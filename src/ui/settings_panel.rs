//! Limits and options, in a panel that stays folded until opened.

use memplay_playground::{NumberSetting, Settings};
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
    // The field shows the value read back, so a value outside the bounds shows clamped.
    let number = |field: NumberSetting| {
        let (settings, cb) = (s.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(next) = settings.clone().with_number_text(field, &input.value()) {
                input.set_value(&next.number(field).to_string());
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
    // The number fields are not bound to `value`: Yew rewrites a bound value on every
    // render, and the page renders often while the engine loads or a run streams, which
    // would undo what a person is typing. Their text is set only when the settings change.
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    {
        let refs = refs.clone();
        let values = NumberSetting::ALL.map(|field| s.number(field));
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
                { for NumberSetting::ALL.into_iter().zip(refs).map(|(field, node)| {
                    let (min, max) = field.bounds();
                    html! {
                        <label>{ field.label() }
                            <input type="number" min={min.to_string()} max={max.to_string()} data-testid={field.testid()}
                                ref={node} onchange={number(field)} />
                        </label>
                    }
                }) }
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
