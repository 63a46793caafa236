//! What the reader is looking at, and its URL-hash form, so any screen is a
//! shareable link. Pure: no DOM. An unknown or malformed hash decodes to the
//! defaults plus one warning for the console.

use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{ClaimBase, SourceIdx, StudyIdx, TermIdx};
use crate::query::studies::{Facet, Sort, StudyQuery};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Mechanisms,
    Techniques,
    Map,
    Studies,
    Sources,
    Safety,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Mechanisms,
        View::Techniques,
        View::Map,
        View::Studies,
        View::Sources,
        View::Safety,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Mechanisms => "mechanisms",
            View::Techniques => "techniques",
            View::Map => "map",
            View::Studies => "studies",
            View::Sources => "sources",
            View::Safety => "safety",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            View::Mechanisms => "How it helps",
            View::Techniques => "Techniques",
            View::Map => "Map",
            View::Studies => "Studies",
            View::Sources => "Sources",
            View::Safety => "Safety",
        }
    }

    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// A screen: the view and what is selected in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// The mechanism or technique whose detail is open.
    pub term: Option<TermIdx>,
    /// The open map cell: (technique, mechanism).
    pub cell: Option<(TermIdx, TermIdx)>,
    /// The article open in the reader.
    pub source: Option<SourceIdx>,
    /// The passage (byte range) the reader scrolls to and marks.
    pub passage: Option<(u32, u32)>,
    /// The study the study list scrolls to.
    pub study: Option<StudyIdx>,
    /// The study list's search, filters, sort and map axes (kept while the
    /// reader visits other views; in the URL only on the studies view).
    pub studies: StudyQuery,
}

/// Percent-encodes everything but unreserved characters, so any search text
/// survives in a URL hash (and `&`, `=`, `,` inside it stay data).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The inverse of `percent_encode`; `None` for a bad escape or invalid UTF-8.
/// A `+` is a space, as form encoding writes it.
pub fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'%' => {
                let hex = [rest.next()?, rest.next()?];
                let hex = std::str::from_utf8(&hex).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
            }
            b'+' => bytes.push(b' '),
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

fn term_idx(base: &ClaimBase, id: &str, kinds: &[TermKind]) -> Option<TermIdx> {
    (0u16..)
        .zip(base.terms)
        .find(|(_, t)| t.id == id && kinds.contains(&t.kind))
        .map(|(i, _)| i)
}

impl Route {
    pub fn view(view: View) -> Self {
        Route {
            view,
            ..Route::default()
        }
    }

    /// The hash form, without `#`: `view=map&cell=deep-tissue~muscle-tension`.
    pub fn encode(&self, base: &ClaimBase) -> String {
        let mut parts = vec![format!("view={}", self.view.slug())];
        if let Some(term) = self.term.and_then(|t| base.term(t)) {
            parts.push(format!("item={}", term.id));
        }
        if let Some((technique, mechanism)) = self.cell {
            if let (Some(t), Some(m)) = (base.term(technique), base.term(mechanism)) {
                parts.push(format!("cell={}~{}", t.id, m.id));
            }
        }
        if let Some(source) = self.source.and_then(|s| base.source(s)) {
            parts.push(format!("source={}", source.id));
        }
        if let Some((start, end)) = self.passage {
            parts.push(format!("at={start}-{end}"));
        }
        if let Some(study) = self.study.and_then(|s| base.study(s)) {
            parts.push(format!("study={}", study.id));
        }
        if self.view == View::Studies {
            let q = &self.studies;
            if !q.text.is_empty() {
                parts.push(format!("q={}", percent_encode(&q.text)));
            }
            for facet in Facet::ALL {
                let values: Vec<&str> = q
                    .selected(facet)
                    .iter()
                    .map(|&v| facet.value_slug(base, v))
                    .collect();
                if !values.is_empty() {
                    parts.push(format!("{}={}", facet.slug(), values.join(",")));
                }
            }
            if q.sort != Sort::default() {
                parts.push(format!("sort={}", q.sort.slug()));
            }
            if q.map != StudyQuery::default().map {
                parts.push(format!("map={}~{}", q.map.0.slug(), q.map.1.slug()));
            }
        }
        parts.join("&")
    }

    /// Parses a hash (with or without `#`). `Err` carries the warning to log;
    /// the caller then uses the defaults.
    pub fn decode(hash: &str, base: &ClaimBase) -> Result<Route, String> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let mut route = Route::default();
        if hash.is_empty() {
            return Ok(route);
        }
        let bad = |what: String| {
            Err(format!("massage-explainer: ignoring the URL hash \"#{hash}\": {what}; showing the default view"))
        };
        for pair in hash.split('&').filter(|p| !p.is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                return bad(format!("`{pair}` is not key=value"));
            };
            match key {
                "view" => match View::from_slug(value) {
                    Some(view) => route.view = view,
                    None => return bad(format!("unknown view `{value}`")),
                },
                "item" => {
                    match term_idx(base, value, &[TermKind::Mechanism, TermKind::Technique]) {
                        Some(term) => route.term = Some(term),
                        None => return bad(format!("unknown mechanism or technique `{value}`")),
                    }
                }
                "cell" => {
                    let cell = value.split_once('~').and_then(|(t, m)| {
                        Some((
                            term_idx(base, t, &[TermKind::Technique])?,
                            term_idx(base, m, &[TermKind::Mechanism])?,
                        ))
                    });
                    match cell {
                        Some(cell) => route.cell = Some(cell),
                        None => return bad(format!("`{value}` is not a technique~mechanism cell")),
                    }
                }
                "source" => match (0u16..).zip(base.sources).find(|(_, s)| s.id == value) {
                    Some((idx, _)) => route.source = Some(idx),
                    None => return bad(format!("unknown source `{value}`")),
                },
                "at" => {
                    let range = value
                        .split_once('-')
                        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
                    match range {
                        Some((start, end)) if start < end => route.passage = Some((start, end)),
                        _ => return bad(format!("`{value}` is not a passage range")),
                    }
                }
                "study" => match (0u16..).zip(base.studies).find(|(_, s)| s.id == value) {
                    Some((idx, _)) => route.study = Some(idx),
                    None => return bad(format!("unknown study `{value}`")),
                },
                "q" => match percent_decode(value) {
                    Some(text) => route.studies.text = text,
                    None => return bad("the search `q` is not percent-encoded UTF-8".to_string()),
                },
                "sort" => match Sort::from_slug(value) {
                    Some(sort) => route.studies.sort = sort,
                    None => return bad(format!("unknown sort `{value}`")),
                },
                "map" => {
                    let axes = value
                        .split_once('~')
                        .and_then(|(r, c)| Some((Facet::from_slug(r)?, Facet::from_slug(c)?)))
                        .filter(|(r, c)| r != c);
                    match axes {
                        Some(axes) => route.studies.map = axes,
                        None => {
                            return bad(format!(
                                "`{value}` is not two different facets joined by ~"
                            ))
                        }
                    }
                }
                key => {
                    let Some(facet) = Facet::from_slug(key) else {
                        return bad(format!("unknown key `{key}`"));
                    };
                    for slug in value.split(',') {
                        match facet.value_from_slug(base, slug) {
                            Some(v) => {
                                route.studies.select(facet, v);
                            }
                            None => return bad(format!("unknown {key} `{slug}`")),
                        }
                    }
                }
            }
        }
        // A passage needs its article, and must lie within it.
        if let Some((_, end)) = route.passage {
            let fits = route
                .source
                .and_then(|s| base.source(s))
                .is_some_and(|s| end as usize <= s.text.len());
            if !fits {
                return bad("the passage is outside its article".to_string());
            }
        }
        Ok(route)
    }
}
