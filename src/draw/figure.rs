//! A figure's numbers as a picture, one layout per `FigureKind`: averages on a
//! 0 to 100 scale, icon arrays of 100 people, a range across trials, averages
//! over time. Each group has its own marker shape and line style, so no
//! picture needs colour to be read; every value is also written beside it.

use std::fmt::Write;

use super::{n, Svg};
use crate::claimbase::kinds::FigureKind;

/// Every figure is this wide in user units, about a phone's column, so its
/// text is drawn at about its set size on a phone.
pub const WIDTH: u32 = 300;
const LEFT: f32 = 10.0;
const RIGHT: f32 = 290.0;

/// One group of a figure: one reading, or (a course) one per time.
#[derive(Debug)]
pub struct FigureGroup {
    pub label: String,
    pub readings: Vec<Reading>,
}

/// A value out of 100 with its likely range, in tenths (`value: 305` is 30.5),
/// at a week (a course; 0 otherwise).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub week: u16,
    pub value: Option<u16>,
    pub low: Option<u16>,
    pub high: Option<u16>,
}

/// The figure as SVG markup, its text alternative naming every value.
pub fn svg(kind: FigureKind, title: &str, groups: &[FigureGroup]) -> String {
    let label = alt(kind, title, groups);
    match kind {
        FigureKind::Scale => scale(groups, &label),
        FigureKind::Icons => icons(groups, &label),
        FigureKind::Range => range(groups, &label),
        FigureKind::Course => course(groups, &label),
    }
}

/// What the picture shows, in words (its text alternative): each group and value.
pub fn alt(kind: FigureKind, title: &str, groups: &[FigureGroup]) -> String {
    let groups: Vec<String> = groups
        .iter()
        .map(|g| format!("{}: {}", g.label, readings(kind, g)))
        .collect();
    format!("{title}. {}.", groups.join("; "))
}

fn readings(kind: FigureKind, group: &FigureGroup) -> String {
    let one = group.readings.first().copied().unwrap_or(Reading {
        week: 0,
        value: None,
        low: None,
        high: None,
    });
    let value = number(one.value.unwrap_or(0));
    let range = || {
        format!(
            "{} to {}",
            number(one.low.unwrap_or(0)),
            number(one.high.unwrap_or(0))
        )
    };
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
                    (Some(low), Some(high)) => format!(
                        "{value} (likely {} to {}) at {}",
                        number(low),
                        number(high),
                        when(r.week)
                    ),
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
        0 => format!(
            "M{} {}a{d} {d} 0 1 0 {r2} 0a{d} {d} 0 1 0 -{r2} 0z",
            n(x - r),
            n(y)
        ),
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
    let values: Vec<u16> = groups
        .iter()
        .filter_map(|g| g.readings.first()?.value)
        .collect();
    for (i, group) in groups.iter().enumerate() {
        let y = 16.0 + ROW * i as f32;
        let Some(&reading) = group.readings.first() else {
            continue;
        };
        let value = reading.value.unwrap_or(0);
        svg.text(
            "mx-fig-text",
            (LEFT, y),
            "start",
            &format!("{}: about {}", group.label, number(value)),
        );
        svg.line("mx-fig-track", (LEFT, y + 14.0), (RIGHT, y + 14.0));
        if let (Some(low), Some(high)) = (reading.low, reading.high) {
            let from = along(low, LEFT, RIGHT);
            svg.rect(
                "mx-fig-band",
                (from, y + 9.0),
                (along(high, LEFT, RIGHT) - from, 10.0),
            );
        }
        svg.path(
            &format!("mx-fig-mark{}", i % 4),
            &marker(i, (along(value, LEFT, RIGHT), y + 14.0), 6.0),
        );
    }
    if let [a, b] = values[..] {
        let (low, high) = (a.min(b), a.max(b));
        let (from, to) = (along(low, LEFT, RIGHT), along(high, LEFT, RIGHT));
        let y = axis - 8.0;
        let (f, t, top) = (n(from), n(to), n(y - 3.0));
        svg.path(
            "mx-fig-gap",
            &format!("M{f} {top}v6M{f} {}H{t}M{t} {top}v6", n(y)),
        );
        // To the whole point: the figures are averages, read as "about".
        let text = format!("about {} points apart", number((high - low + 5) / 10 * 10));
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
    (
        Person::Anyway,
        "mx-fig-anyway",
        "Better: as many as in the first group",
    ),
    (
        Person::Extra,
        "mx-fig-extra",
        "Better: the difference from the first group",
    ),
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
        d.push_str(
            "a2.3 2.3 0 1 1 0 4.6a2.3 2.3 0 1 1 0-4.6zm-3.5 12v-4.5a3.5 3.5 0 0 1 7 0v4.5zm16.5-12",
        );
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
        .filter(|(p, ..)| {
            groups
                .iter()
                .any(|g| (0..100).any(|k| person(k, value(g), compared) == *p))
        })
        .collect();
    let mut svg = Svg::new(
        WIDTH,
        (legend_top + 20.0 * shown.len() as f32) as u32,
        label,
    );
    for (i, group) in groups.iter().enumerate() {
        let (x, y) = (
            LEFT + (10.0 * CELL + 20.0) * (i % 2) as f32,
            8.0 + BLOCK * (i / 2) as f32,
        );
        let v = value(group);
        svg.text(
            "mx-fig-text mx-fig-strong",
            (x, y + 10.0),
            "start",
            &group.label,
        );
        for (state, class, _) in PEOPLE {
            let mut d = String::new();
            for row in 0..10u16 {
                let mut first =
                    (0..10u16).filter(|col| person(row * 10 + col, v, compared) == state);
                if let Some(col) = first.next() {
                    let at = (x + CELL * f32::from(col), y + 20.0 + CELL * f32::from(row));
                    icons_in_a_row(&mut d, at, 1 + first.count() as u16);
                }
            }
            svg.path(class, &d);
        }
        svg.text(
            "mx-fig-text",
            (x, y + 20.0 + 10.0 * CELL + 14.0),
            "start",
            &format!("{v} in 100 better"),
        );
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
    let mut svg = Svg::new(WIDTH, 110, label);
    if let Some(group) = groups.first() {
        let reading = group.readings.first();
        let (low, high) = reading.map_or((0, 0), |r| (r.low.unwrap_or(0), r.high.unwrap_or(0)));
        let (from, to) = (along(low, LEFT, RIGHT), along(high, LEFT, RIGHT));
        svg.text("mx-fig-text", (LEFT, 14.0), "start", &group.label);
        svg.line("mx-fig-track", (LEFT, 36.0), (RIGHT, 36.0));
        svg.rect("mx-fig-band", (from, 28.0), (to - from, 16.0));
        svg.path("mx-fig-gap", &format!("M{} 26v20M{} 26v20", n(from), n(to)));
        let text = format!("{} to {} in 100", number(low), number(high));
        svg.text("mx-fig-text mx-fig-strong", (LEFT, 62.0), "start", &text);
        svg.text(
            "mx-fig-small",
            (RIGHT, 62.0),
            "end",
            "depending on the trial",
        );
    }
    axis_0_100(&mut svg, 74.0, ("no one", "everyone"));
    svg.finish()
}

/// A course's plotting area: weeks across, 0 to 100 up.
struct Plot {
    top: f32,
    bottom: f32,
    last_week: u16,
}

impl Plot {
    const X0: f32 = 54.0;
    const X1: f32 = 272.0;

    fn x(&self, week: u16) -> f32 {
        Self::X0 + f32::from(week) / f32::from(self.last_week.max(1)) * (Self::X1 - Self::X0)
    }

    fn y(&self, tenths: u16) -> f32 {
        along(tenths, self.bottom, self.top)
    }
}

/// Averages over time: a line per group, each value's likely range as a bar.
fn course(groups: &[FigureGroup], label: &str) -> String {
    let top = 12.0 + 18.0 * groups.len() as f32 + 12.0;
    let last_week = groups
        .iter()
        .flat_map(|g| g.readings.last())
        .map(|r| r.week)
        .max();
    let plot = Plot {
        top,
        bottom: top + 150.0,
        last_week: last_week.unwrap_or(1),
    };
    let mut svg = Svg::new(WIDTH, plot.bottom as u32 + 40, label);
    for tick in [0u16, 250, 500, 750, 1000] {
        svg.line(
            "mx-fig-grid",
            (Plot::X0 - 8.0, plot.y(tick)),
            (RIGHT, plot.y(tick)),
        );
        svg.text(
            "mx-fig-small",
            (LEFT, plot.y(tick) + 4.0),
            "start",
            &number(tick),
        );
    }
    svg.text(
        "mx-fig-small",
        (LEFT, top - 12.0),
        "start",
        "Average pain (0 to 100)",
    );
    let spread = groups.len().saturating_sub(1) as f32 / 2.0;
    for (i, group) in groups.iter().enumerate() {
        // Groups side by side at each time, so their range bars never overlap.
        course_group(&mut svg, &plot, i, group, (i as f32 - spread) * 6.0);
    }
    let weeks = groups.first().map_or(&[][..], |g| &g.readings[..]);
    for week in weeks.iter().map(|r| r.week) {
        svg.text(
            "mx-fig-small",
            (plot.x(week), plot.bottom + 16.0),
            "middle",
            &week.to_string(),
        );
    }
    let middle = (Plot::X0 + Plot::X1) / 2.0;
    svg.text(
        "mx-fig-small",
        (middle, plot.bottom + 32.0),
        "middle",
        "Weeks from the start",
    );
    svg.finish()
}

/// Group `i` of a course, `dx` beside its times: its key, line, points, bars and values.
fn course_group(svg: &mut Svg, plot: &Plot, i: usize, group: &FigureGroup, dx: f32) {
    let (line, mark) = (
        format!("mx-fig-line{}", i % 2),
        format!("mx-fig-mark{}", i % 4),
    );
    let key_y = 12.0 + 18.0 * i as f32;
    svg.line(&line, (Plot::X0, key_y), (Plot::X0 + 28.0, key_y));
    svg.path(&mark, &marker(i, (Plot::X0 + 14.0, key_y), 4.0));
    svg.text(
        "mx-fig-text",
        (Plot::X0 + 36.0, key_y + 4.0),
        "start",
        &group.label,
    );
    let point = |r: &Reading| (plot.x(r.week) + dx, plot.y(r.value.unwrap_or(0)));
    let mut d = String::new();
    for (step, r) in group.readings.iter().enumerate() {
        let (px, py) = point(r);
        let _ = write!(
            d,
            "{}{} {}",
            if step == 0 { 'M' } else { 'L' },
            n(px),
            n(py)
        );
    }
    svg.path(&line, &d);
    for r in &group.readings {
        let (px, py) = point(r);
        if let (Some(low), Some(high)) = (r.low, r.high) {
            svg.line("mx-fig-bar", (px, plot.y(low)), (px, plot.y(high)));
        }
        svg.path(&mark, &marker(i, (px, py), 4.0));
        // Each value beside its point, off its line: the first (lower) group's
        // below and to the left, the others' above and to the right (both sides
        // of a falling line are clear there), turned inward at the plot's bottom.
        let (lx, ly, anchor) = match i {
            0 if py + 15.0 <= plot.bottom => (px - 5.0, py + 15.0, "end"),
            0 => (px - 6.0, py - 6.0, "end"),
            _ => (px + 5.0, py - 7.0, "start"),
        };
        svg.text(
            "mx-fig-small mx-fig-strong",
            (lx, ly),
            anchor,
            &number(r.value.unwrap_or(0)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::escape;
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

    /// `(week, value, low, high)`, in whole numbers; 0 for none.
    type Row = (u16, u16, u16, u16);

    /// Groups like the short answer's: `(label, rows)`.
    fn groups(groups: &[(&str, &[Row])]) -> Vec<FigureGroup> {
        let tenths = |v: u16| (v > 0).then_some(v * 10);
        groups
            .iter()
            .map(|(label, readings)| FigureGroup {
                label: label.to_string(),
                readings: readings
                    .iter()
                    .map(|&(week, v, l, h)| Reading {
                        week,
                        value: tenths(v),
                        low: tenths(l),
                        high: tenths(h),
                    })
                    .collect(),
            })
            .collect()
    }

    fn examples() -> Vec<(FigureKind, Vec<FigureGroup>)> {
        vec![
            (
                FigureKind::Scale,
                groups(&[
                    ("After massage", &[(0, 31, 0, 0)]),
                    ("After other care", &[(0, 41, 0, 0)]),
                ]),
            ),
            (
                FigureKind::Scale,
                groups(&[("High", &[(0, 92, 0, 0)]), ("Low", &[(0, 70, 0, 0)])]),
            ),
            (
                FigureKind::Icons,
                groups(&[
                    ("Care as usual", &[(0, 33, 0, 0)]),
                    ("Massage", &[(0, 67, 0, 0)]),
                ]),
            ),
            (
                FigureKind::Range,
                groups(&[("More pain", &[(0, 0, 2, 25)])]),
            ),
            (
                FigureKind::Course,
                groups(&[
                    (
                        "New",
                        &[
                            (0, 52, 48, 57),
                            (6, 23, 21, 25),
                            (26, 12, 9, 15),
                            (52, 6, 3, 10),
                        ],
                    ),
                    (
                        "Longer",
                        &[
                            (0, 51, 44, 59),
                            (6, 33, 29, 38),
                            (26, 26, 20, 33),
                            (52, 23, 16, 30),
                        ],
                    ),
                ]),
            ),
        ]
    }

    /// Every x coordinate of `markup` (text positions and path starts).
    fn xs(markup: &str) -> Vec<f32> {
        [" x=\"", " d=\"M"]
            .iter()
            .flat_map(|attr| markup.split(attr).skip(1))
            .filter_map(|part| part.split([' ', '"']).next()?.parse().ok())
            .collect()
    }

    #[test]
    fn every_figure_draws_inside_its_width_with_its_values_written() {
        for (kind, groups) in examples() {
            let markup = svg(kind, "A title", &groups);
            assert!(markup.starts_with("<svg viewBox=\"0 0 300 "), "{markup}");
            assert!(markup.contains("role=\"img\""));
            assert!(
                !markup.contains("NaN") && !markup.contains("inf"),
                "{markup}"
            );
            for x in xs(&markup) {
                assert!(
                    (0.0..=300.0).contains(&x),
                    "{x} outside the figure in {markup}"
                );
            }
            let alt = alt(kind, "A title", &groups);
            for group in &groups {
                assert!(alt.contains(&group.label));
                for r in &group.readings {
                    for v in [r.value, r.low, r.high].into_iter().flatten() {
                        let v = number(v);
                        assert!(alt.contains(&v), "{v} not in the text alternative {alt}");
                        // A course draws its ranges as bars; every other value is written.
                        if kind != FigureKind::Course || Some(&v) == r.value.map(number).as_ref() {
                            let written = [
                                format!(">{v}<"),
                                format!(">{v} "),
                                format!(" {v}<"),
                                format!(" {v} "),
                            ];
                            assert!(
                                written.iter().any(|w| markup.contains(w.as_str())),
                                "{v} not written in {markup}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_bundled_figures_are_drawn_with_a_text_alternative() {
        let figures: Vec<_> = claimbase::get()
            .bottom_line
            .points
            .iter()
            .flat_map(|p| p.figures)
            .collect();
        assert!(figures.len() >= 4, "the short answer has its pictures");
        for figure in figures {
            assert!(
                figure
                    .svg
                    .contains(&format!("aria-label=\"{}. ", escape(figure.title))),
                "{}",
                figure.svg
            );
            for x in xs(figure.svg) {
                assert!((0.0..=300.0).contains(&x), "{x} outside {}", figure.svg);
            }
        }
    }
}
