//! What the reader is looking at, and its URL-hash form, so any screen is a
//! shareable link. Pure: no DOM. An unknown or malformed hash decodes to a
//! `RouteError`; the caller shows the defaults and logs one warning.

use std::fmt;

use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{
    ClaimBase, ClaimIdx, CriterionIdx, GuidelineIdx, SafetyIdx, SourceIdx, StudyIdx, TermIdx,
};
use crate::claimbase::vocabulary::vocabulary;
use crate::query::studies::{Facet, Sort, StudyQuery};

vocabulary! {
    /// The explainer's views, in tab order.
    #[derive(Default)]
    View {
        /// The bottom line, the guidelines and how we grade: the reader's question first.
        #[default]
        Answer = "answer", "Short answer";
        Mechanisms = "mechanisms", "How it helps";
        Techniques = "techniques", "Techniques";
        Map = "map", "Map";
        Studies = "studies", "Studies";
        Sources = "sources", "Sources";
        Safety = "safety", "Safety";
        /// Search everything: reached from the search box, not a tab.
        Search = "search", "Search";
    }
}

impl View {
    /// The views the tabs switch between (and that have a page of their own).
    pub fn tabs() -> impl Iterator<Item = View> {
        View::ALL.iter().copied().filter(|&v| v != View::Search)
    }

    /// The address of the view's own static page on the standalone site, next to
    /// `index.html` (the default view's page).
    pub fn page(self) -> String {
        if self == View::default() {
            "./".to_string()
        } else {
            format!("{}.html", self.slug())
        }
    }

    /// The view that shows details of a term of `kind`.
    pub fn of_term(kind: TermKind) -> View {
        if kind == TermKind::Technique {
            View::Techniques
        } else {
            View::Mechanisms
        }
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
    /// The report-card criterion open on the article's card.
    pub criterion: Option<CriterionIdx>,
    /// The study the study list scrolls to.
    pub study: Option<StudyIdx>,
    /// The guideline the short answer scrolls to.
    pub guideline: Option<GuidelineIdx>,
    /// A claim the short answer cites, shown on its own.
    pub claim: Option<ClaimIdx>,
    /// The safety item the safety view scrolls to.
    pub safety: Option<SafetyIdx>,
    /// What was typed in the search box (kept while the reader opens results;
    /// in the URL, as `q`, only on the search view).
    pub search: String,
    /// The study list's search, filters, sort and map axes (kept while the
    /// reader visits other views; in the URL only on the studies view).
    pub studies: StudyQuery,
}

/// Why a URL hash (or an embed's `state`) was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteError {
    NotKeyValue(String),
    UnknownKey(String),
    /// A value its key does not know: what the key names, and the value.
    UnknownValue(&'static str, String),
    /// A value of the wrong shape: the value, and the shape it should have.
    Malformed(String, &'static str),
    BadSearch,
    PassageOutside,
    /// A passage whose start or end falls inside a multi-byte character.
    PassageSplitsCharacter,
}

impl fmt::Display for RouteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteError::NotKeyValue(pair) => write!(f, "`{pair}` is not key=value"),
            RouteError::UnknownKey(key) => write!(f, "unknown key `{key}`"),
            RouteError::UnknownValue(what, value) => write!(f, "unknown {what} `{value}`"),
            RouteError::Malformed(value, shape) => write!(f, "`{value}` is not {shape}"),
            RouteError::BadSearch => write!(f, "the search `q` is not percent-encoded UTF-8"),
            RouteError::PassageOutside => write!(f, "the passage is outside its article"),
            RouteError::PassageSplitsCharacter => {
                write!(f, "the passage cuts a character of its article in two")
            }
        }
    }
}

impl RouteError {
    /// The console warning for a URL hash that gave this error.
    pub fn hash_warning(&self, hash: &str) -> String {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        format!("massage-explainer: ignoring the URL hash \"#{hash}\": {self}; showing the default view")
    }
}

/// Percent-encodes everything but unreserved characters, so any search text
/// survives in a URL hash (and `&`, `=`, `,` inside it stay data).
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
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

/// A term of one of `kinds` by id.
fn term_of_kind(base: &ClaimBase, id: &str, kinds: &[TermKind]) -> Option<TermIdx> {
    base.term_by_id(id)
        .filter(|&t| kinds.contains(&base.term(t).kind))
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
        if let Some(term) = self.term {
            parts.push(format!("item={}", base.term(term).id));
        }
        if let Some((technique, mechanism)) = self.cell {
            parts.push(format!(
                "cell={}~{}",
                base.term(technique).id,
                base.term(mechanism).id
            ));
        }
        if let Some(source) = self.source {
            parts.push(format!("source={}", base.source(source).id));
        }
        if let Some((start, end)) = self.passage {
            parts.push(format!("at={start}-{end}"));
        }
        if let Some(criterion) = self.criterion {
            parts.push(format!("criterion={}", base.criterion(criterion).id));
        }
        if let Some(study) = self.study {
            parts.push(format!("study={}", base.study(study).id));
        }
        if let Some(guideline) = self.guideline {
            parts.push(format!("guideline={}", base.guideline(guideline).id));
        }
        if let Some(claim) = self.claim {
            parts.push(format!("claim={}", base.claim(claim).id));
        }
        if let Some(item) = self.safety {
            parts.push(format!("safety={}", base.safety_item(item).id));
        }
        if self.view == View::Studies {
            self.studies.encode(base, &mut parts);
        }
        if self.view == View::Search && !self.search.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.search)));
        }
        parts.join("&")
    }

    /// Parses a hash (with or without `#`).
    pub fn decode(hash: &str, base: &ClaimBase) -> Result<Route, RouteError> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let mut route = Route::default();
        for pair in hash.split('&').filter(|p| !p.is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                return Err(RouteError::NotKeyValue(pair.to_string()));
            };
            route.set(base, key, value)?;
        }
        // `q` is the search box's text on the search view, the study list's elsewhere.
        if route.view == View::Search {
            route.search = std::mem::take(&mut route.studies.text);
        }
        // A passage needs its article, and must lie within it on whole characters
        // (a byte offset inside a multi-byte character would cut text silently).
        if let Some((start, end)) = route.passage {
            let Some(text) = route.source.map(|s| &base.source(s).text) else {
                return Err(RouteError::PassageOutside);
            };
            if end as usize > text.len() {
                return Err(RouteError::PassageOutside);
            }
            if !text.is_char_boundary(start as usize) || !text.is_char_boundary(end as usize) {
                return Err(RouteError::PassageSplitsCharacter);
            }
        }
        Ok(route)
    }

    /// Applies one `key=value` of a hash.
    fn set(&mut self, base: &ClaimBase, key: &str, value: &str) -> Result<(), RouteError> {
        let unknown = |what| RouteError::UnknownValue(what, value.to_string());
        let malformed = |shape| RouteError::Malformed(value.to_string(), shape);
        match key {
            "view" => self.view = View::from_slug(value).ok_or_else(|| unknown("view"))?,
            "item" => {
                let kinds = [TermKind::Mechanism, TermKind::Technique];
                self.term = Some(
                    term_of_kind(base, value, &kinds)
                        .ok_or_else(|| unknown("mechanism or technique"))?,
                );
            }
            "cell" => {
                let cell = value.split_once('~').and_then(|(t, m)| {
                    Some((
                        term_of_kind(base, t, &[TermKind::Technique])?,
                        term_of_kind(base, m, &[TermKind::Mechanism])?,
                    ))
                });
                self.cell = Some(cell.ok_or_else(|| malformed("a technique~mechanism cell"))?);
            }
            "source" => {
                self.source = Some(base.source_by_id(value).ok_or_else(|| unknown("source"))?)
            }
            "at" => {
                let range = value
                    .split_once('-')
                    .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
                self.passage = Some(
                    range
                        .filter(|(a, b)| a < b)
                        .ok_or_else(|| malformed("a passage range"))?,
                );
            }
            "study" => self.study = Some(base.study_by_id(value).ok_or_else(|| unknown("study"))?),
            "criterion" => {
                self.criterion = Some(
                    base.criterion_by_id(value)
                        .ok_or_else(|| unknown("criterion"))?,
                )
            }
            "guideline" => {
                self.guideline = Some(
                    base.guideline_by_id(value)
                        .ok_or_else(|| unknown("guideline"))?,
                )
            }
            "claim" => self.claim = Some(base.claim_by_id(value).ok_or_else(|| unknown("claim"))?),
            "safety" => {
                self.safety = Some(
                    base.safety_by_id(value)
                        .ok_or_else(|| unknown("safety item"))?,
                )
            }
            _ => self.studies.set(base, key, value)?,
        }
        Ok(())
    }
}

impl StudyQuery {
    /// Adds the study list's state to a hash's parts (only what differs from the defaults).
    fn encode(&self, base: &ClaimBase, parts: &mut Vec<String>) {
        if !self.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        for &facet in Facet::ALL {
            let values: Vec<&str> = self
                .selected(facet)
                .iter()
                .map(|&v| facet.value_slug(base, v))
                .collect();
            if !values.is_empty() {
                parts.push(format!("{}={}", facet.slug(), values.join(",")));
            }
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.slug()));
        }
        if self.map != StudyQuery::default().map {
            parts.push(format!("map={}~{}", self.map.0.slug(), self.map.1.slug()));
        }
    }

    /// Applies one `key=value` of a hash that belongs to the study list.
    fn set(&mut self, base: &ClaimBase, key: &str, value: &str) -> Result<(), RouteError> {
        match key {
            "q" => self.text = percent_decode(value).ok_or(RouteError::BadSearch)?,
            "sort" => {
                self.sort = Sort::from_slug(value)
                    .ok_or_else(|| RouteError::UnknownValue("sort", value.to_string()))?
            }
            "map" => {
                let axes = value
                    .split_once('~')
                    .and_then(|(r, c)| Some((Facet::from_slug(r)?, Facet::from_slug(c)?)));
                let axes = axes.filter(|(r, c)| r != c);
                self.map = axes.ok_or_else(|| {
                    RouteError::Malformed(value.to_string(), "two different facets joined by ~")
                })?;
            }
            key => {
                let facet =
                    Facet::from_slug(key).ok_or_else(|| RouteError::UnknownKey(key.to_string()))?;
                for slug in value.split(',') {
                    let v = facet.value_from_slug(base, slug);
                    let v =
                        v.ok_or_else(|| RouteError::UnknownValue(facet.slug(), slug.to_string()))?;
                    self.select(facet, v);
                }
            }
        }
        Ok(())
    }
}
