//! A figure's numbers as a picture, one layout per `FigureKind`: averages on a
//! 0 to 100 scale, icon arrays of 100 people, a range across trials, averages
//! over time. Each group has its own marker shape and line style, so no
//! picture needs colour to be read; every value is also written beside it.

use std::fmt::Write;

use super::{n, Svg};
use crate::claimbase::kinds::FigureKind;
use crate::claimbase::model::{Figure, FigureGroup, Reading};

/// Every figure is this wide in user units, about a phone's column, so its
/// text is drawn at about its set size on a phone.
pub const WIDTH: u32 = 300;
const LEFT: f32 = 10.0;
const RIGHT: f32 = 290.0;

/// The figure as SVG markup.
pub fn svg(figure: &Figure) -> String {
    let label = alt(figure);
    match figure.kind {
        FigureKind::Scale => scale(figure.groups, &label),
        FigureKind::Icons => icons(figure.groups, &label),
        FigureKind::Range => range(figure.groups, &label),
        FigureKind::Course => course(figure.groups, &label),
    }
}

/// What the picture shows, in words (its text alternative): each group and value.
pub fn alt(figure: &Figure) -> String {
    let groups: Vec<String> = figure
        .groups
        .iter()
        .map(|g| format!("{}: {}", g.label, readings(figure.kind, g)))
        .collect();
    format!("{}. {}.", figure.title, groups.join("; "))
}

fn readings(kind: FigureKind, group: &FigureGroup) -> String {
    let one = group.readings.first().copied().unwrap_or(Reading {
        week: 0,
        value: None,
        low: None,
        high: None,
    });
    let value = number(one.value.unwrap_or(0));
    let range = || format!("{} to {}", number(one.low.unwrap_or(0)), number(one.high.unwrap_or(0)));
    match kind {
        FigureKind::Scale => format!("{value} out of 100"),
        FigureKind::Icons => format!("{value} in 100 people"),
        FigureKind::Range => format!("{} in 100 people", range()),
        FigureKind::Course => group
            .readings
            .iter()
            .map(|r| {
                let value = number(r.value.unwrap_or(0));
                match (r.low, r.high) {
                    (Some(low), Some(high)) => format!("{value} (likely {} to {}) at {}", number(low), number(high), when(r.week)),
                    _ => format!("{value} at {}", when(r.week)),
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A value in tenths as readers write it: "31", "1.5".
pub fn number(tenths: u16) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{}.{d}", tenths / 10),
    }
}

fn when(week: u16) -> String {
    match week {
        0 => "the start".to_owned(),
        52 => "one year".to_owned(),
        w => format!("{w} weeks"),
    }
}

/// Where a value in tenths of 0 to 100 sits between `from` and `to`.
fn along(tenths: u16, from: f32, to: f32) -> f32 {
    from + f32::from(tenths) / 1000.0 * (to - from)
}

/// Group `i`'s marker, centred on (x, y): a circle, a diamond, a triangle, a square.
fn marker(i: usize, (x, y): (f32, f32), r: f32) -> String {
    let (d, r2) = (n(r), n(2.0 * r));
    match i % 4 {
        0 => format!("M{} {}a{d} {d} 0 1 0 {r2} 0a{d} {d} 0 1 0 -{r2} 0z", n(x - r), n(y)),
        1 => format!("M{} {}l{d} {d}l-{d} {d}l-{d} -{d}z", n(x), n(y - r)),
        2 => format!("M{} {}l{d} {}h-{r2}z", n(x), n(y - r), n(1.8 * r)),
        _ => format!("M{} {}h{r2}v{r2}h-{r2}z", n(x - r), n(y - r)),
    }
}

/// Each group's average on a 0 to 100 scale, and the gap between two.
fn scale(groups: &[FigureGroup], label: &str) -> String {
    const ROW: f32 = 40.0;
    let axis = 20.0 + ROW * groups.len() as f32;
    let mut svg = Svg::new(WIDTH, axis as u32 + 34, label);
    let values: Vec<u16> = groups.iter().filter_map(|g| g.readings.first()?.value).collect();
    for (i, group) in groups.iter().enumerate() {
        let y = 16.0 + ROW * i as f32;
        let Some(&reading) = group.readings.first() else { continue };
        let value = reading.value.unwrap_or(0);
        svg.text("mx-fig-text", (LEFT, y), "start", &format!("{}: about {}", group.label, number(value)));
        svg.line("mx-fig-track", (LEFT, y + 14.0), (RIGHT, y + 14.0));
        if let (Some(low), Some(high)) = (reading.low, reading.high) {
            let from = along(low, LEFT, RIGHT);
            svg.rect("mx-fig-band", (from, y + 9.0), (along(high, LEFT, RIGHT) - from, 10.0));
        }
        svg.path(&format!("mx-fig-mark{}", i % 4), &marker(i, (along(value, LEFT, RIGHT), y + 14.0), 6.0));
    }
    if let [a, b] = values[..] {
        let (low, high) = (a.min(b), a.max(b));
        let (from, to) = (along(low, LEFT, RIGHT), along(high, LEFT, RIGHT));
        let y = axis - 8.0;
        let (f, t, top) = (n(from), n(to), n(y - 3.0));
        svg.path("mx-fig-gap", &format!("M{f} {top}v6M{f} {}H{t}M{t} {top}v6", n(y)));
        let text = format!("about {} points apart", number(high - low));
        // Beside the gap, on whichever side has room.
        if to < 150.0 {
            svg.text("mx-fig-small", (to + 6.0, y + 4.0), "start", &text);
        } else {
            svg.text("mx-fig-small", (from - 6.0, y + 4.0), "end", &text);
        }
    }
    axis_0_100(&mut svg, axis, ("no pain", "worst pain"));
    svg.finish()
}

/// A 0 to 100 axis at `y`: ticks every 25, the ends named.
fn axis_0_100(svg: &mut Svg, y: f32, (start, end): (&str, &str)) {
    svg.line("mx-fig-axis", (LEFT, y), (RIGHT, y));
    for tick in [0u16, 250, 500, 750, 1000] {
        let x = along(tick, LEFT, RIGHT);
        svg.line("mx-fig-axis", (x, y), (x, y + 4.0));
        let anchor = match tick {
            0 => "start",
            1000 => "end",
            _ => "middle",
        };
        svg.text("mx-fig-small", (x, y + 16.0), anchor, &number(tick));
    }
    svg.text("mx-fig-small", (LEFT, y + 29.0), "start", start);
    svg.text("mx-fig-small", (RIGHT, y + 29.0), "end", end);
}

/// What an icon stands for in an icon array.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Person {
    /// Better in the comparison group too: as many as would have been anyway.
    Anyway,
    /// Better beyond the comparison group.
    Extra,
    NotBetter,
}

const PEOPLE: [(Person, &str, &str); 3] = [
    (Person::Anyway, "mx-fig-anyway", "Better: as many as in the first group"),
    (Person::Extra, "mx-fig-extra", "Better: the extra people"),
    (Person::NotBetter, "mx-fig-none", "Not clearly better"),
];

/// Person `k` (0 to 99) of a group where `value` in 100 were better, against
/// a comparison group (the first) where `compared` were.
fn person(k: u16, value: u16, compared: u16) -> Person {
    if k < value.min(compared) {
        Person::Anyway
    } else if k < value {
        Person::Extra
    } else {
        Person::NotBetter
    }
}

/// A run of `count` person icons (a head and shoulders, 9 × 12) in a row, the
/// first at (x, y), one every 13 units. Relative moves make every icon the same
/// text, which compresses to almost nothing.
fn icons_in_a_row(d: &mut String, (x, y): (f32, f32), count: u16) {
    let _ = write!(d, "M{} {}", n(x + 4.5), n(y));
    for _ in 0..count {
        d.push_str("a2.3 2.3 0 1 1 0 4.6a2.3 2.3 0 1 1 0-4.6zm-3.5 12v-4.5a3.5 3.5 0 0 1 7 0v4.5zm16.5-12");
    }
}

/// 100 people per group, two groups a row; the first group is the comparison.
fn icons(groups: &[FigureGroup], label: &str) -> String {
    const CELL: f32 = 13.0;
    const BLOCK: f32 = 10.0 * CELL + 50.0;
    let value = |g: &FigureGroup| g.readings.first().and_then(|r| r.value).unwrap_or(0) / 10;
    let compared = groups.first().map_or(0, value);
    let rows = groups.len().div_ceil(2);
    let legend_top = 8.0 + BLOCK * rows as f32;
    let shown: Vec<&(Person, &str, &str)> = PEOPLE
        .iter()
        .filter(|(p, ..)| groups.iter().any(|g| (0..100).any(|k| person(k, value(g), compared) == *p)))
        .collect();
    let mut svg = Svg::new(WIDTH, (legend_top + 20.0 * shown.len() as f32) as u32, label);
    for (i, group) in groups.iter().enumerate() {
        let (x, y) = (LEFT + (10.0 * CELL + 20.0) * (i % 2) as f32, 8.0 + BLOCK * (i / 2) as f32);
        let v = value(group);
        svg.text("mx-fig-text mx-fig-strong", (x, y + 10.0), "start", group.label);
        for (state, class, _) in PEOPLE {
            let mut d = String::new();
            for row in 0..10u16 {
                let mut first = (0..10u16).filter(|col| person(row * 10 + col, v, compared) == state);
                if let Some(col) = first.next() {
                    let at = (x + CELL * f32::from(col), y + 20.0 + CELL * f32::from(row));
                    icons_in_a_row(&mut d, at, 1 + first.count() as u16);
                }
            }
            svg.path(class, &d);
        }
        svg.text("mx-fig-text", (x, y + 20.0 + 10.0 * CELL + 14.0), "start", &format!("{v} in 100 better"));
    }
    for (row, (_, class, words)) in shown.iter().enumerate() {
        let y = legend_top + 20.0 * row as f32;
        let mut d = String::new();
        icons_in_a_row(&mut d, (LEFT, y), 1);
        svg.path(class, &d);
        svg.text("mx-fig-small", (LEFT + 16.0, y + 10.0), "start", words);
    }
    svg.finish()
}

/// How often something happened, from the lowest trial to the highest, on 0 to 100 people.
fn range(groups: &[FigureGroup], label: &str) -> String {
    let mut svg = Svg::new(WIDTH, 104, label);
    if let Some(group) = groups.first() {
        let reading = group.readings.first();
        let (low, high) = reading.map_or((0, 0), |r| (r.low.unwrap_or(0), r.high.unwrap_or(0)));
        let (from, to) = (along(low, LEFT, RIGHT), along(high, LEFT, RIGHT));
        svg.text("mx-fig-text", (LEFT, 14.0), "start", group.label);
        svg.line("mx-fig-track", (LEFT, 36.0), (RIGHT, 36.0));
        svg.rect("mx-fig-band", (from, 28.0), (to - from, 16.0));
        svg.path("mx-fig-gap", &format!("M{} 26v20M{} 26v20", n(from), n(to)));
        svg.text("mx-fig-text mx-fig-strong", (from, 60.0), "start", &format!("{} to {} in 100", number(low), number(high)));
        svg.text("mx-fig-small", (to + 4.0, 40.0), "start", "depending on the trial");
    }
    axis_0_100(&mut svg, 68.0, ("no one", "everyone"));
    svg.finish()
}

/// Averages over time: a line per group, each value's likely range as a bar.
fn course(groups: &[FigureGroup], label: &str) -> String {
    const X0: f32 = 54.0;
    const X1: f32 = 272.0;
    let top = 12.0 + 18.0 * groups.len() as f32 + 12.0;
    let bottom = top + 150.0;
    let last_week = groups.iter().flat_map(|g| g.readings.last()).map(|r| r.week).max().unwrap_or(1).max(1);
    let x = |week: u16| X0 + f32::from(week) / f32::from(last_week) * (X1 - X0);
    let y = |tenths: u16| along(tenths, bottom, top);
    let mut svg = Svg::new(WIDTH, bottom as u32 + 40, label);
    for tick in [0u16, 250, 500, 750, 1000] {
        svg.line("mx-fig-grid", (X0 - 8.0, y(tick)), (RIGHT, y(tick)));
        svg.text("mx-fig-small", (LEFT, y(tick) + 4.0), "start", &number(tick));
    }
    svg.text("mx-fig-small", (LEFT, top - 12.0), "start", "Pain");
    let spread = groups.len().saturating_sub(1) as f32 / 2.0;
    for (i, group) in groups.iter().enumerate() {
        // Groups side by side at each time, so their range bars never overlap.
        let dx = (i as f32 - spread) * 6.0;
        let key_y = 12.0 + 18.0 * i as f32;
        svg.line(&format!("mx-fig-line{}", i % 2), (X0, key_y), (X0 + 28.0, key_y));
        svg.path(&format!("mx-fig-mark{}", i % 4), &marker(i, (X0 + 14.0, key_y), 4.0));
        svg.text("mx-fig-text", (X0 + 36.0, key_y + 4.0), "start", group.label);
        let mut d = String::new();
        for (step, r) in group.readings.iter().enumerate() {
            let command = if step == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{command}{} {}", n(x(r.week) + dx), n(y(r.value.unwrap_or(0))));
        }
        svg.path(&format!("mx-fig-line{}", i % 2), &d);
        for r in group.readings {
            let (px, py) = (x(r.week) + dx, y(r.value.unwrap_or(0)));
            if let (Some(low), Some(high)) = (r.low, r.high) {
                svg.line("mx-fig-bar", (px, y(low)), (px, y(high)));
            }
            svg.path(&format!("mx-fig-mark{}", i % 4), &marker(i, (px, py), 4.0));
            // The first group's values on the left of its points, the others' on the right.
            let (lx, anchor) = if i == 0 { (px - 7.0, "end") } else { (px + 7.0, "start") };
            svg.text("mx-fig-small mx-fig-strong", (lx, py + 4.0), anchor, &number(r.value.unwrap_or(0)));
        }
    }
    for week in groups.first().map_or(&[][..], |g| g.readings).iter().map(|r| r.week) {
        svg.text("mx-fig-small", (x(week), bottom + 16.0), "middle", &week.to_string());
    }
    svg.text("mx-fig-small", ((X0 + X1) / 2.0, bottom + 32.0), "middle", "Weeks from the start");
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claimbase;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(310), "31");
        assert_eq!(number(15), "1.5");
        assert_eq!(number(0), "0");
    }

    #[test]
    fn icons_count_the_comparison_first() {
        // 33 better with usual care, 67 with massage: 33 anyway, 34 extra, 33 not.
        let count = |v, c, p| (0..100).filter(|&k| person(k, v, c) == p).count();
        assert_eq!(count(67, 33, Person::Anyway), 33);
        assert_eq!(count(67, 33, Person::Extra), 34);
        assert_eq!(count(67, 33, Person::NotBetter), 33);
        // The comparison group itself has no extra.
        assert_eq!(count(33, 33, Person::Extra), 0);
    }

    #[test]
    fn every_bundled_figure_draws_inside_its_box_with_its_values() {
        let base = claimbase::get();
        let figures: Vec<_> = base.bottom_line.points.iter().flat_map(|p| p.figures).collect();
        assert!(figures.len() >= 4, "the short answer has its pictures");
        for figure in figures {
            let markup = svg(figure);
            assert!(markup.starts_with("<svg viewBox=\"0 0 300 "), "{markup}");
            assert!(markup.contains("role=\"img\""));
            assert!(!markup.contains("NaN") && !markup.contains("inf"), "{markup}");
            // Every coordinate inside the figure's width.
            for attr in [" x=\"", " d=\"M"] {
                for part in markup.split(attr).skip(1) {
                    let x: f32 = part.split([' ', '"']).next().and_then(|n| n.parse().ok()).unwrap_or(0.0);
                    assert!((0.0..=300.0).contains(&x), "{x} outside the figure in {markup}");
                }
            }
            // Each group's values are written in the picture and in its text alternative.
            let alt = alt(figure);
            for group in figure.groups {
                assert!(alt.contains(group.label));
                for r in group.readings {
                    for v in [r.value, r.low, r.high].into_iter().flatten() {
                        let v = number(v);
                        assert!(alt.contains(&v), "{v} not in the text alternative {alt}");
                        // A course draws its ranges as bars; every other value is written.
                        if figure.kind != FigureKind::Course || Some(&v) == r.value.map(number).as_ref() {
                            let written = markup.contains(&format!(">{v}<")) || markup.contains(&format!(">{v} ")) || markup.contains(&format!(" {v}<")) || markup.contains(&format!(" {v} "));
                            assert!(written, "{v} not written in {markup}");
                        }
                    }
                }
            }
        }
    }
}
