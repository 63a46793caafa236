//! The pathway of how massage is said to work, drawn from the claim base:
//! massage → what it is said to do in the body (every mechanism of
//! `ontology.toml`) → what a reader would feel (the outcomes claims link those
//! mechanisms to). Every link shows its evidence by the one rule for a term's
//! evidence (`ClaimBase::evidence_profile`, the whole spread): a mechanism's own
//! claims as a key line per level on its node, a mechanism–outcome link as one
//! line per level of the claims behind it; each level has its own line pattern
//! and, in the key, its words. `graph` reads the base, `layout` places the
//! nodes (pure, tested), `svg` draws one picture for a wide column and one for
//! a narrow one. Each node is a link to its detail; to a screen reader the
//! picture is a list of those links, each saying what the picture shows.

use std::fmt::Write;

use super::{escape, n};
use crate::claimbase::kinds::{Evidence, TermKind};
use crate::claimbase::model::ClaimBase;

/// A node: a link to its detail, and the evidence behind it.
#[derive(Debug)]
pub struct Node {
    pub name: &'static str,
    /// The app's URL hash of its detail (`Route::decode` reads it; a test
    /// checks that every one opens the node's screen).
    pub href: String,
    pub spread: Vec<(Evidence, usize)>,
}

/// A link from a mechanism to an outcome, with the levels of its claims.
#[derive(Debug)]
pub struct Link {
    pub mechanism: usize,
    pub outcome: usize,
    pub spread: Vec<(Evidence, usize)>,
}

#[derive(Debug)]
pub struct Graph {
    pub techniques: usize,
    pub mechanisms: Vec<Node>,
    pub outcomes: Vec<Node>,
    pub links: Vec<Link>,
}

/// Every mechanism; the outcomes at least one claim links to a mechanism.
pub fn graph(base: &ClaimBase) -> Graph {
    let mechanisms: Vec<_> = base.terms_of_kind(TermKind::Mechanism).collect();
    let about = |t| {
        base.claims_indexed()
            .filter(|(_, c)| c.about.contains(&t))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let mut outcomes = Vec::new();
    let mut links = Vec::new();
    for (outcome, term) in base.terms_of_kind(TermKind::Outcome) {
        let from: Vec<Link> = mechanisms
            .iter()
            .enumerate()
            .map(|(m, &(mechanism, _))| Link {
                mechanism: m,
                outcome: outcomes.len(),
                spread: base.evidence_profile(&base.link_claims(mechanism, outcome)),
            })
            .filter(|link| !link.spread.is_empty())
            .collect();
        if !from.is_empty() {
            links.extend(from);
            outcomes.push(Node {
                name: term.name,
                href: format!("#view=studies&outcome={}", term.id),
                // Its evidence is on its links.
                spread: Vec::new(),
            });
        }
    }
    Graph {
        techniques: base.terms_of_kind(TermKind::Technique).count(),
        mechanisms: mechanisms
            .iter()
            .map(|&(idx, term)| Node {
                name: term.name,
                href: format!("#view=mechanisms&item={}", term.id),
                spread: base.evidence_profile(&about(idx)),
            })
            .collect(),
        outcomes,
        links,
    }
}

/// The column the picture is drawn for.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Shape {
    /// Left to right: massage, mechanisms, outcomes.
    Wide,
    /// Top to bottom: massage above, mechanisms under it, outcomes beside them.
    Narrow,
}

/// A node's box, in user units.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Place {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// Its name, broken into lines that fit.
    pub lines: usize,
}

impl Place {
    fn middle(&self) -> f32 {
        self.y + self.h / 2.0
    }

    #[cfg(test)]
    fn overlaps(&self, other: &Place) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

#[derive(Debug)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub massage: Place,
    pub mechanisms: Vec<Place>,
    pub outcomes: Vec<Place>,
    /// Where the key of line patterns starts.
    pub key: f32,
}

/// Characters of a name that fit on one line `w` wide (about 7 units a character).
fn fits(w: f32) -> usize {
    ((w - 14.0) / 7.0) as usize
}

/// A name broken into lines of at most `width` characters, at spaces.
pub fn wrap(name: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split(' ') {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

const LINE: f32 = 16.0;
const GAP: f32 = 8.0;

/// A node box `w` wide for `name`: its lines, and a row for its evidence key.
fn place(name: &str, x: f32, w: f32, key_row: bool) -> Place {
    let lines = wrap(name, fits(w)).len();
    let h = 14.0 + LINE * lines as f32 + if key_row { 16.0 } else { 0.0 };
    Place {
        x,
        y: 0.0,
        w,
        h,
        lines,
    }
}

/// Places every node: mechanisms in a column in their `ontology.toml` order,
/// each outcome level with the mechanisms it is linked to (their mean), pushed
/// down as little as needed so no two overlap.
pub fn layout(graph: &Graph, shape: Shape) -> Layout {
    let (width, massage_w, mech_x, mech_w, out_x, out_w) = match shape {
        Shape::Wide => (680.0, 120.0, 180.0, 250.0, 530.0, 150.0),
        Shape::Narrow => (300.0, 300.0, 22.0, 132.0, 176.0, 124.0),
    };
    let mut massage = place(&massage_name(graph), 0.0, massage_w, false);
    let first = match shape {
        Shape::Wide => 0.0,
        Shape::Narrow => massage.h + 16.0,
    };
    let mut top = first;
    let mut mechanisms = Vec::new();
    for node in &graph.mechanisms {
        let mut p = place(node.name, mech_x, mech_w, true);
        p.y = top;
        top += p.h + GAP;
        mechanisms.push(p);
    }
    let bottom = top - GAP;
    let mut outcomes: Vec<(f32, usize, Place)> = graph
        .outcomes
        .iter()
        .enumerate()
        .map(|(o, node)| {
            let linked: Vec<f32> = graph
                .links
                .iter()
                .filter(|l| l.outcome == o)
                .map(|l| mechanisms[l.mechanism].middle())
                .collect();
            let wanted = linked.iter().sum::<f32>() / linked.len().max(1) as f32;
            (wanted, o, place(node.name, out_x, out_w, false))
        })
        .collect();
    outcomes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut next = first;
    for (wanted, _, p) in &mut outcomes {
        p.y = (*wanted - p.h / 2.0).max(next);
        next = p.y + p.h + GAP;
    }
    outcomes.sort_by_key(|(_, o, _)| *o);
    let outcomes: Vec<Place> = outcomes.into_iter().map(|(_, _, p)| p).collect();
    let end = outcomes.iter().map(|p| p.y + p.h).fold(bottom, f32::max);
    if shape == Shape::Wide {
        massage.y = (end - massage.h) / 2.0;
    }
    let levels = levels(graph).len();
    let columns = if shape == Shape::Wide { 2 } else { 1 };
    let key = end + 28.0;
    Layout {
        width,
        height: key + 20.0 * levels.div_ceil(columns) as f32 + 4.0,
        massage,
        mechanisms,
        outcomes,
        key,
    }
}

/// The first node: massage, and how many techniques it covers.
fn massage_name(graph: &Graph) -> String {
    format!("Massage: {} techniques", graph.techniques)
}

/// The evidence levels the picture draws, in `Evidence::ALL` order.
fn levels(graph: &Graph) -> Vec<Evidence> {
    let spreads = graph
        .mechanisms
        .iter()
        .map(|m| &m.spread)
        .chain(graph.links.iter().map(|l| &l.spread));
    let used: Vec<Evidence> = spreads.flatten().map(|&(level, _)| level).collect();
    Evidence::ALL
        .iter()
        .copied()
        .filter(|level| used.contains(level))
        .collect()
}

/// "Plausible, not tested 2, No support given 1".
fn spread_words(spread: &[(Evidence, usize)]) -> String {
    spread
        .iter()
        .map(|(level, count)| format!("{} {count}", level.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A node: a link with its box, its name and (for a mechanism) its evidence key.
fn node(
    out: &mut String,
    p: &Place,
    name: &str,
    href: &str,
    label: &str,
    spread: &[(Evidence, usize)],
) {
    let _ = write!(
        out,
        r#"<g role="listitem"><a href="{}" aria-label="{}" class="mx-path-node"><rect x="{}" y="{}" width="{}" height="{}" rx="8"/>"#,
        escape(href),
        escape(label),
        n(p.x + 1.0),
        n(p.y + 1.0),
        n(p.w - 2.0),
        n(p.h - 2.0)
    );
    for (i, line) in wrap(name, fits(p.w)).iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}">{}</text>"#,
            n(p.x + 8.0),
            n(p.y + 20.0 + LINE * i as f32),
            escape(line)
        );
    }
    let mut x = p.x + 8.0;
    let y = p.y + 14.0 + LINE * p.lines as f32 + 6.0;
    for (level, count) in spread {
        let _ = write!(
            out,
            r#"<path class="mx-path-{}" d="M{} {}h16"/><text class="mx-fig-small" x="{}" y="{}">{count}</text>"#,
            level.slug(),
            n(x),
            n(y),
            n(x + 19.0),
            n(y + 4.0)
        );
        x += 30.0;
    }
    out.push_str("</a></g>");
}

/// A curve from (x1, y1) to (x2, y2), leaving and arriving level.
fn curve(d: &mut String, (x1, y1): (f32, f32), (x2, y2): (f32, f32)) {
    let bend = (x2 - x1) / 2.0;
    let _ = write!(
        d,
        "M{} {}C{} {} {} {} {} {}",
        n(x1),
        n(y1),
        n(x1 + bend),
        n(y1),
        n(x2 - bend),
        n(y2),
        n(x2),
        n(y2)
    );
}

/// The picture for `shape` as SVG markup.
pub fn svg(graph: &Graph, shape: Shape) -> String {
    let layout = layout(graph, shape);
    let kind = if shape == Shape::Wide {
        "wide"
    } else {
        "narrow"
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {} {}" class="mx-svg mx-pathway-{kind}" role="list" aria-label="How the articles say massage works: massage, what they say it does in the body, and what that is said to change for you">"#,
        layout.width, layout.height
    );
    // The lines first, under the nodes; hidden from screen readers, whose list
    // says the same in each node's label.
    out.push_str(r#"<g aria-hidden="true">"#);
    lines(&mut out, graph, &layout, shape);
    key(&mut out, graph, &layout, shape);
    out.push_str("</g>");
    nodes(&mut out, graph, &layout);
    out.push_str("</svg>");
    out
}

/// The stems from massage to each mechanism, and one line per level of each
/// mechanism–outcome link, side by side.
fn lines(out: &mut String, graph: &Graph, layout: &Layout, shape: Shape) {
    // One path per class, its lines as subpaths: the same picture in a third of
    // the markup (the wasm carries it, and each page that shows it).
    let mut paths: Vec<(String, String)> = Vec::new();
    let m = layout.massage;
    for p in &layout.mechanisms {
        let d = line(&mut paths, "mx-path-stem".to_string());
        match shape {
            Shape::Wide => curve(d, (m.x + m.w, m.middle()), (p.x, p.middle())),
            Shape::Narrow => {
                let _ = write!(d, "M10 {}V{}H{}", n(m.y + m.h), n(p.middle()), n(p.x));
            }
        }
    }
    for link in &graph.links {
        let (from, to) = (
            &layout.mechanisms[link.mechanism],
            &layout.outcomes[link.outcome],
        );
        let spread = link.spread.len() as f32;
        for (k, (level, _)) in link.spread.iter().enumerate() {
            let dy = (k as f32 - (spread - 1.0) / 2.0) * 4.0;
            curve(
                line(&mut paths, format!("mx-path-{}", level.slug())),
                (from.x + from.w, from.middle() + dy),
                (to.x, to.middle() + dy),
            );
        }
    }
    for (class, d) in paths {
        let _ = write!(out, r#"<path class="{class}" d="{d}"/>"#);
    }
}

/// The path of lines of `class` in `paths`, begun if it is the first.
fn line(paths: &mut Vec<(String, String)>, class: String) -> &mut String {
    let at = match paths.iter().position(|(c, _)| *c == class) {
        Some(at) => at,
        None => {
            paths.push((class, String::new()));
            paths.len() - 1
        }
    };
    &mut paths[at].1
}

/// The key: each level drawn, its line pattern and its words.
fn key(out: &mut String, graph: &Graph, layout: &Layout, shape: Shape) {
    let columns = if shape == Shape::Wide { 2 } else { 1 };
    let heading = "How well research supports each claim:";
    let _ = write!(
        out,
        r#"<text class="mx-fig-small" x="10" y="{}">{heading}</text>"#,
        n(layout.key - 16.0)
    );
    for (i, level) in levels(graph).iter().enumerate() {
        let x = 10.0 + (i % columns) as f32 * 340.0;
        let y = layout.key + 20.0 * (i / columns) as f32;
        let _ = write!(
            out,
            r#"<path class="mx-path-{}" d="M{} {}h28"/>"#,
            level.slug(),
            n(x),
            n(y - 4.0)
        );
        let label = escape(level.label());
        let _ = write!(
            out,
            r#"<text class="mx-fig-small" x="{}" y="{}">{label}</text>"#,
            n(x + 36.0),
            n(y)
        );
    }
}

/// Every node, each a link whose label says what its lines and key say.
fn nodes(out: &mut String, graph: &Graph, layout: &Layout) {
    let name = massage_name(graph);
    let label = format!("{name}. Open the techniques.");
    node(out, &layout.massage, &name, "#view=techniques", &label, &[]);
    for (i, (mechanism, p)) in graph.mechanisms.iter().zip(&layout.mechanisms).enumerate() {
        let leads: Vec<String> = graph
            .links
            .iter()
            .filter(|l| l.mechanism == i)
            .map(|l| {
                format!(
                    "{} ({})",
                    graph.outcomes[l.outcome].name,
                    spread_words(&l.spread)
                )
            })
            .collect();
        let mut label = format!(
            "{}. The articles' claims: {}.",
            mechanism.name,
            spread_words(&mechanism.spread)
        );
        if !leads.is_empty() {
            let _ = write!(label, " Said to affect: {}.", leads.join("; "));
        }
        node(
            out,
            p,
            mechanism.name,
            &mechanism.href,
            &label,
            &mechanism.spread,
        );
    }
    for (outcome, p) in graph.outcomes.iter().zip(&layout.outcomes) {
        let label = format!("{}. Open the studies that measured it.", outcome.name);
        node(out, p, outcome.name, &outcome.href, &label, &[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claimbase;

    #[test]
    fn names_wrap_at_spaces_within_the_width() {
        assert_eq!(
            wrap("Waste products and lactic acid", 16),
            ["Waste products", "and lactic acid"]
        );
        assert_eq!(wrap("Pain", 5), ["Pain"]);
    }

    #[test]
    fn every_mechanism_is_a_node_and_no_two_nodes_overlap() {
        let base = claimbase::get();
        let graph = graph(base);
        assert_eq!(
            graph.mechanisms.len(),
            base.terms_of_kind(TermKind::Mechanism).count()
        );
        assert!(!graph.outcomes.is_empty() && !graph.links.is_empty());
        for shape in [Shape::Wide, Shape::Narrow] {
            let layout = layout(&graph, shape);
            let all: Vec<&Place> = std::iter::once(&layout.massage)
                .chain(&layout.mechanisms)
                .chain(&layout.outcomes)
                .collect();
            for (i, a) in all.iter().enumerate() {
                assert!(
                    a.x >= 0.0
                        && a.x + a.w <= layout.width
                        && a.y >= 0.0
                        && a.y + a.h <= layout.key,
                    "{shape:?}: {a:?} outside"
                );
                for b in &all[i + 1..] {
                    assert!(!a.overlaps(b), "{shape:?}: {a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_mechanism_added_to_the_ontology_appears_in_the_picture() {
        let base = claimbase::get();
        let mut graph = graph(base);
        let before = svg(&graph, Shape::Narrow);
        graph.mechanisms.push(Node {
            name: "A new mechanism",
            href: "#view=mechanisms&item=new".into(),
            spread: vec![(Evidence::Rationale, 1)],
        });
        for shape in [Shape::Wide, Shape::Narrow] {
            let drawn = svg(&graph, shape);
            assert!(
                drawn.contains(">A new mechanism<") || drawn.contains(">A new<"),
                "{drawn}"
            );
            assert!(drawn.contains("item=new"));
        }
        assert!(!before.contains("item=new"));
    }

    #[test]
    fn every_link_shows_each_level_of_its_claims() {
        let base = claimbase::get();
        let graph = graph(base);
        let drawn = svg(&graph, Shape::Wide);
        for link in &graph.links {
            for (level, _) in &link.spread {
                assert!(drawn.contains(&format!("class=\"mx-path-{}\"", level.slug())));
            }
        }
        // The key names every level drawn, in words.
        for level in levels(&graph) {
            assert!(
                drawn.contains(&format!(">{}<", escape(level.label()))),
                "{} not in the key",
                level.label()
            );
        }
    }
}
