//! The Scale section under the comparison: the sweep's range (variable, from, to,
//! points), then its progress or result — the log-log chart with a figure selector, each
//! snippet's growth class, the crossover and the exports — as the view model gives them.

use memplay_model::{Figure, SweepRange};
use memplay_playground::{SweepFormView, SweepView, Theme};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::charts::{Chart, ChartData};
use super::exports::{ExportSource, Exports};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The range form (the full page; an embed shows only the result).
    pub form: Option<SweepFormView>,
    pub view: Option<Result<SweepView, String>>,
    pub theme: Theme,
    pub on_range: Callback<SweepRange>,
    pub on_figure: Callback<Figure>,
}

#[component]
pub fn SweepPanel(p: &Props) -> Html {
    if p.form.is_none() && p.view.is_none() {
        return html! {};
    }
    html! {
        <section class="sweep" data-testid="sweep" aria-label="Scale: memory against N">
            <h2>{ "Scale" }</h2>
            if let Some(form) = &p.form {
                <RangeForm form={form.clone()} on_range={p.on_range.clone()} />
            }
            { match &p.view {
                None => html! {
                    <p class="sweep-hint">{ "Scale " }<span class="shortcut">{ "(Ctrl/Cmd+Shift+Enter) " }</span>
                        { "re-runs both snippets at a series of sizes (a line such as N = 100_000, or a number \
                        in the code such as 10**6) and shows how memory grows with the size." }</p>
                },
                Some(Err(message)) => html! {
                    <p class="sweep-error" role="alert" data-testid="sweep-error">{ message }</p>
                },
                Some(Ok(v)) => result(v, p),
            } }
        </section>
    }
}

fn result(v: &SweepView, p: &Props) -> Html {
    let on_select = p.on_figure.reform(|e: Event| {
        let key = e.target_unchecked_into::<HtmlSelectElement>().value();
        Figure::from_key(&key).unwrap_or(Figure::Peak)
    });
    let side = |i: usize, letter: &str, title: &str| {
        let f = &v.fits[i];
        html! {
            <li data-testid={format!("sweep-fit-{letter}")} data-class={f.class}>
                <strong>{ format!("{}: {title}", letter.to_uppercase()) }</strong>{ " — " }{ &f.text }
                if let Some(ended) = &f.ended {
                    <span class="sweep-ended" data-testid={format!("sweep-ended-{letter}")}>{ format!(" ({ended})") }</span>
                }
            </li>
        }
    };
    html! {
        <>
            <p class="sweep-status" data-testid="sweep-status" role="status" aria-live="polite">{ &v.status }</p>
            <label class="sweep-figure">{ "Figure " }
                <select data-testid="sweep-figure" onchange={on_select}>
                    { for v.figures.iter().map(|(key, label)| html! {
                        <option value={*key} selected={*key == v.figure}>{ *label }</option>
                    }) }
                </select>
            </label>
            <ul class="sweep-fits">
                { side(0, "a", &v.a_title) }
                { side(1, "b", &v.b_title) }
            </ul>
            if !v.crossover.is_empty() {
                <p class="sweep-crossover" data-testid="sweep-crossover">{ &v.crossover }</p>
            }
            <Chart testid="chart-sweep" label={format!("{} against {} for A and B, both axes logarithmic", v.chart.y_title, v.chart.x_title)}
                data={ChartData::Sweep(v.chart.clone())} theme={p.theme} />
            if let Some(sweep) = &v.exports {
                <Exports source={ExportSource::Sweep(sweep.clone())} a_title={v.a_title.clone()} b_title={v.b_title.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    form: SweepFormView,
    on_range: Callback<SweepRange>,
}

/// Variable, from, to and points. The number fields are read when they change, not bound
/// (as in the settings panel), so typing is not undone by a render.
#[component]
fn RangeForm(p: &FormProps) -> Html {
    let f = &p.form;
    let current = SweepRange {
        var: (!f.var.is_empty()).then(|| f.var.clone()),
        var_b: None,
        from: f.from,
        to: f.to,
        points: f.points,
    };
    let number = |set: fn(&mut SweepRange, Option<u64>)| {
        let (range, cb) = (current.clone(), p.on_range.clone());
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = range.clone();
            set(&mut next, SweepRange::number(&text));
            cb.emit(next);
        })
    };
    let on_var = {
        let (range, cb) = (current.clone(), p.on_range.clone());
        Callback::from(move |e: Event| {
            let var = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit(SweepRange { var: Some(var), to: None, ..range.clone() });
        })
    };
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    {
        let refs = refs.clone();
        let values = (f.from, f.to, f.points);
        use_effect_with(values, move |(from, to, points)| {
            let texts = [from.to_string(), to.map(|t| t.to_string()).unwrap_or_default(), points.to_string()];
            for (r, t) in refs.iter().zip(texts) {
                if let Some(input) = r.cast::<HtmlInputElement>() {
                    input.set_value(&t);
                }
            }
        });
    }
    let to_hint = f.to_default.map_or_else(String::new, |v| v.to_string());
    html! {
        <div class="sweep-form" role="group" aria-label="Sweep range">
            <label>{ "Size" }
                <select data-testid="sweep-var" onchange={on_var} disabled={f.vars.is_empty()}>
                    if f.vars.is_empty() {
                        <option value="" selected=true>{ "none found" }</option>
                    }
                    { for f.vars.iter().map(|(key, label)| html! {
                        <option value={key.clone()} selected={*key == f.var}>{ label }</option>
                    }) }
                </select>
            </label>
            <label>{ "from" }
                <input type="number" min="1" data-testid="sweep-from" ref={refs[0].clone()}
                    onchange={number(|r, v| r.from = v.unwrap_or(SweepRange::default().from))} />
            </label>
            <label>{ "to" }
                <input type="number" min="2" data-testid="sweep-to" ref={refs[1].clone()} placeholder={to_hint}
                    onchange={number(|r, v| r.to = v)} />
            </label>
            <label>{ "points" }
                <input type="number" min="2" max="40" data-testid="sweep-points" ref={refs[2].clone()}
                    onchange={number(|r, v| {
                        r.points = v.map_or(SweepRange::default().points, |p| u32::try_from(p).unwrap_or(u32::MAX))
                    })} />
            </label>
        </div>
    }
}
