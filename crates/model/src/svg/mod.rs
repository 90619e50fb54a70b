//! The comparison's pictures as standalone SVG documents, the same from the command line
//! and from the page: the bar chart, the memory timeline and the results card.

mod bars;
mod card;
mod sweep;
mod timeline;

pub use bars::svg;
pub use card::{card_svg, card_svg_checked};
pub use sweep::sweep_svg;
pub use timeline::{timeline_percent, timeline_svg};

/// The colours of A and B in every picture: the page's light theme (`www/style.css`).
pub(crate) const COLOR_A: &str = "#d9771e";
pub(crate) const COLOR_B: &str = "#2f8f6b";

/// Text made safe for SVG content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The opening of an SVG document with a white background.
pub(crate) fn open(width: f64, height: f64, label: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"13\" role=\"img\" aria-label=\"{}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        escape(label)
    )
}
