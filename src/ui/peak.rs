//! The "At the peak" section, as the view model (`PeakView`) gives it: for each snippet,
//! what was alive at its peak by the line that made it (and by call stack where functions
//! made it), then A's lines against B's.

use memplay_playground::{KindsView, PeakSideView, PeakView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: PeakView,
}

#[component]
pub fn AtPeak(p: &Props) -> Html {
    let v = &p.view;
    html! {
        <section class="at-peak" data-testid="at-peak" aria-labelledby="at-peak-title">
            <h2 id="at-peak-title">{ "At the peak" }</h2>
            <div class="peak-sides">
                { for v.sides.iter().zip(["a", "b"]).map(|(side, letter)| match side {
                    Some(s) => side_html(s, letter),
                    None => html! {},
                }) }
            </div>
            if let Some(k) = &v.kinds { { kinds_html(k) } }
            if !v.aligned.is_empty() {
                <h3>{ "Line by line, A against B" }</h3>
                <p class="note">{ "Each side is taken at its own peak: \"B holds 0 B\" beside a line means that what the line made was gone by the time B peaked." }</p>
                <div class="table-scroll">
                <table class="peak-aligned" data-testid="peak-aligned">
                    <thead><tr>
                        <th scope="col">{ "A" }</th><th scope="col">{ "B" }</th><th scope="col">{ "Code" }</th>
                        <th scope="col">{ "A holds at its peak" }</th><th scope="col">{ "B holds at its peak" }</th>
                        if let Some(engine) = &v.cpython {
                            <th scope="col" class="cpython-col" title="Approximate: from a second run under a line tracer">
                                { format!("{engine} A ≈") }</th>
                            <th scope="col" class="cpython-col" title="Approximate: from a second run under a line tracer">
                                { format!("{engine} B ≈") }</th>
                        }
                    </tr></thead>
                    <tbody>
                        { for v.aligned.iter().map(|r| html! {
                            <tr title={r.title.clone()} data-testid="peak-aligned-row">
                                <td class="line" data-label="A">{ &r.a_line }</td>
                                <td class="line" data-label="B">{ &r.b_line }</td>
                                <td class="code">
                                    if let Some(b) = &r.b_code {
                                        <span class="code-side">{ "A" }</span><code>{ &r.code }</code><br/>
                                        <span class="code-side">{ "B" }</span><code data-testid="peak-aligned-b-code">{ b }</code>
                                    } else {
                                        <code>{ &r.code }</code>
                                    }
                                </td>
                                <td data-label="A holds at its peak">{ &r.a }</td>
                                <td data-label="B holds at its peak">{ &r.b }</td>
                                if let Some((a, b)) = &r.cpython {
                                    <td class="cpython-col" data-testid="peak-cpython-a" data-label={format!("{} A ≈", v.cpython.clone().unwrap_or_default())}>{ a }</td>
                                    <td class="cpython-col" data-testid="peak-cpython-b" data-label={format!("{} B ≈", v.cpython.clone().unwrap_or_default())}>{ b }</td>
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
            { for v.cpython_dropped.iter().map(|why| html! {
                <p class="note" data-testid="peak-cpython-dropped">{ why }</p>
            }) }
        </section>
    }
}

/// "What kind of objects": a sentence per snippet, then the types, A beside B.
fn kinds_html(k: &KindsView) -> Html {
    html! {
        <div class="peak-kinds" data-testid="peak-kinds">
            <h3>{ "What kind of objects" }</h3>
            { for k.sentences.iter().map(|s| html! { <p class="kinds-sentence" data-testid="kinds-sentence">{ s }</p> }) }
            <div class="table-scroll">
            <table class="kinds-table" data-testid="kinds-table">
                <thead><tr>{ for k.head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for k.rows.iter().map(|row| html! {
                        <tr data-testid="kinds-row" data-type={row[0].clone()}>
                            { for row.iter().enumerate().map(|(i, c)| if i == 0 {
                                html! { <th scope="row"><code>{ c }</code></th> }
                            } else {
                                html! { <td data-label={k.head[i].clone()}>{ c }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}

fn side_html(s: &PeakSideView, letter: &'static str) -> Html {
    html! {
        <div class={classes!("peak-side", letter)} data-testid={format!("at-peak-{letter}")}>
            <p class="peak-heading">
                { &s.heading }
                if !s.running_code.is_empty() { { ": " }<code>{ &s.running_code }</code> }
                { ". Alive then, by the line that made it:" }
            </p>
            <table class="peak-lines">
                <tbody>
                    { for s.rows.iter().map(|r| html! {
                        <tr title={r.title.clone()} data-testid={format!("peak-line-{letter}")}
                            data-line={r.line.map(|l| l.to_string())}
                            style={format!("--share: {:.1}%", r.percent)}>
                            <th scope="row">{ &r.label }</th>
                            <td class="code"><code>{ &r.code }</code></td>
                            <td class="bytes">{ &r.bytes }</td>
                            <td class="blocks">
                                { &r.blocks }
                                if !r.kinds.is_empty() {
                                    <span class="kinds" data-testid={format!("peak-line-kinds-{letter}")}>{ &r.kinds }</span>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some(note) = &s.note {
                <p class="note" data-testid={format!("peak-note-{letter}")}>{ note }</p>
            }
            if !s.stacks.is_empty() {
                <details class="peak-stacks" data-testid={format!("peak-stacks-{letter}")}>
                    <summary>{ "By call stack" }</summary>
                    <ul>
                        { for s.stacks.iter().map(|f| html! {
                            <li style={format!("--depth: {}", f.depth)}>
                                <span class="frame">{ &f.frame }</span>{ " " }<span class="bytes">{ &f.bytes }</span>
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}
