//! Pictures drawn from the claim base as SVG markup, by pure functions tested
//! natively: the figures of numbers (`figure`) and the pathway of how massage is
//! said to work (`pathway`). Components place the markup; the same text is in
//! the prerendered pages, so a picture shows before the wasm and without
//! JavaScript, and prints. Colours are classes the stylesheet maps to the
//! theme's custom properties; no picture relies on colour alone.

pub mod figure;
pub mod pathway;

use std::fmt::Write;

/// SVG markup being written: a thin wrapper so each drawing reads as a list of shapes.
pub struct Svg(String);

impl Svg {
    /// An `<svg>` of `width` × `height` user units, its size set by the stylesheet.
    pub fn new(width: u32, height: u32, label: &str) -> Svg {
        let mut svg = Svg(String::new());
        let _ = write!(
            svg.0,
            r#"<svg viewBox="0 0 {width} {height}" role="img" aria-label="{}" class="mx-svg">"#,
            escape(label)
        );
        svg
    }

    pub fn line(&mut self, class: &str, (x1, y1): (f32, f32), (x2, y2): (f32, f32)) {
        let _ = write!(
            self.0,
            r#"<path class="{class}" d="M{} {}L{} {}"/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        );
    }

    /// A path of `d` (several shapes in one, for the icon arrays).
    pub fn path(&mut self, class: &str, d: &str) {
        if !d.is_empty() {
            let _ = write!(self.0, r#"<path class="{class}" d="{d}"/>"#);
        }
    }

    pub fn rect(&mut self, class: &str, (x, y): (f32, f32), (w, h): (f32, f32)) {
        let _ = write!(
            self.0,
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" rx="2"/>"#,
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    /// Text at (x, y), anchored at its `start` (SVG's default, so not written),
    /// `middle` or `end`.
    pub fn text(&mut self, class: &str, (x, y): (f32, f32), anchor: &str, text: &str) {
        let _ = write!(self.0, r#"<text class="{class}" x="{}" y="{}""#, n(x), n(y));
        if anchor != "start" {
            let _ = write!(self.0, r#" text-anchor="{anchor}""#);
        }
        let _ = write!(self.0, ">{}</text>", escape(text));
    }

    /// Anything else, written as is by the caller.
    pub fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    pub fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// A coordinate, to one decimal: short markup, and the same on every platform.
fn n(x: f32) -> String {
    let tenths = (x * 10.0).round() as i32;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

/// Text made safe inside markup and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_short_and_text_is_escaped() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.3");
        assert_eq!(escape(r#"a < b & "c""#), "a &lt; b &amp; &quot;c&quot;");
        let mut svg = Svg::new(10, 10, "x");
        svg.text("t", (1.0, 2.0), "start", "<b>");
        assert!(svg.finish().contains(">&lt;b&gt;</text></svg>"));
    }
}
