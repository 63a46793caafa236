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
        /// The decision: every option side by side, in equal detail.
        Options = "options", "Your options";
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
}

/// What is open on each view: a view's own selection and nothing that belongs to
/// another view, so no screen can hold a guideline on the map. Adding a view is a
/// variant here (the compiler then asks for its arm in every match: the hash codec,
/// the reducer, the panel) plus its component.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The short answer, perhaps scrolled to a guideline or showing one cited claim.
    Answer(Option<AnswerItem>),
    /// The options side by side.
    Options,
    /// The mechanisms, perhaps with one's detail open.
    Mechanisms(Option<TermIdx>),
    /// The techniques, perhaps with one's detail open.
    Techniques(Option<TermIdx>),
    /// The technique × mechanism map, perhaps with a cell open.
    Map(Option<(TermIdx, TermIdx)>),
    /// The study list, perhaps scrolled to one study.
    Studies(Option<StudyIdx>),
    /// The articles, perhaps with one open in the reader.
    Sources(Option<OpenArticle>),
    /// The safety advice, perhaps scrolled to one item.
    Safety(Option<SafetyIdx>),
    /// Search everything: its text is the shared search box's.
    Search,
}

/// What the short answer shows on its own or scrolls to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerItem {
    /// A claim one of its sentences cites.
    Claim(ClaimIdx),
    Guideline(GuidelineIdx),
}

/// An article open in the reader, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenArticle {
    pub source: SourceIdx,
    pub at: ArticlePart,
}

/// Where the reader opens an article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArticlePart {
    /// At its start.
    #[default]
    Start,
    /// Scrolled to a passage (a byte range of its text), marked.
    Passage(u32, u32),
    /// Its report card, at one criterion.
    Criterion(CriterionIdx),
}

impl Default for Screen {
    fn default() -> Self {
        Screen::overview(View::default())
    }
}

impl Screen {
    /// A view with nothing selected.
    pub fn overview(view: View) -> Screen {
        match view {
            View::Answer => Screen::Answer(None),
            View::Options => Screen::Options,
            View::Mechanisms => Screen::Mechanisms(None),
            View::Techniques => Screen::Techniques(None),
            View::Map => Screen::Map(None),
            View::Studies => Screen::Studies(None),
            View::Sources => Screen::Sources(None),
            View::Safety => Screen::Safety(None),
            View::Search => Screen::Search,
        }
    }

    /// The view of the term's kind, with its detail open; `None` for a kind no
    /// view details (conditions, comparators, outcomes).
    pub fn term(kind: TermKind, term: TermIdx) -> Option<Screen> {
        match kind {
            TermKind::Mechanism => Some(Screen::Mechanisms(Some(term))),
            TermKind::Technique => Some(Screen::Techniques(Some(term))),
            _ => None,
        }
    }

    /// The view this screen is on.
    pub fn view(&self) -> View {
        match self {
            Screen::Answer(_) => View::Answer,
            Screen::Options => View::Options,
            Screen::Mechanisms(_) => View::Mechanisms,
            Screen::Techniques(_) => View::Techniques,
            Screen::Map(_) => View::Map,
            Screen::Studies(_) => View::Studies,
            Screen::Sources(_) => View::Sources,
            Screen::Safety(_) => View::Safety,
            Screen::Search => View::Search,
        }
    }
}

/// What the reader set that stays with them from view to view. Its one rule: a
/// screen change keeps it, except that opening a study the query hides clears the
/// query (the reducer's). In the URL each part appears only on the view that shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shared {
    /// What was typed in the search box (kept while the reader opens results).
    pub search: String,
    /// The study list's search, filters, sort and map axes.
    pub studies: StudyQuery,
}

/// A screen and the shared state beside it: all the app shows, and what its URL
/// hash holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub screen: Screen,
    pub shared: Shared,
}

/// Why a URL hash (or an embed's `state`) was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteError {
    NotKeyValue(String),
    /// A key the screen's view does not take.
    UnknownKey(String, View),
    /// A value its key does not know: what the key names, and the value.
    UnknownValue(&'static str, String),
    /// A value of the wrong shape: the value, and the shape it should have.
    Malformed(String, &'static str),
    BadSearch,
    PassageOutside,
    /// A passage whose start or end falls inside a multi-byte character.
    PassageSplitsCharacter,
    /// An article opened both at a passage and at a report-card criterion.
    PassageAndCriterion,
    /// A report-card criterion with no article (`source`) to open it on.
    NoArticle,
    /// The short answer opened at a claim and a guideline, or at two of either.
    TwoAnswerItems,
}

impl fmt::Display for RouteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteError::NotKeyValue(pair) => write!(f, "`{pair}` is not key=value"),
            RouteError::UnknownKey(key, view) => {
                write!(f, "unknown key `{key}` for the {} view", view.label())
            }
            RouteError::UnknownValue(what, value) => write!(f, "unknown {what} `{value}`"),
            RouteError::Malformed(value, shape) => write!(f, "`{value}` is not {shape}"),
            RouteError::BadSearch => write!(f, "the search `q` is not percent-encoded UTF-8"),
            RouteError::PassageOutside => write!(f, "the passage is outside its article"),
            RouteError::PassageSplitsCharacter => {
                write!(f, "the passage cuts a character of its article in two")
            }
            RouteError::NoArticle => write!(f, "a criterion needs its article (`source`)"),
            RouteError::TwoAnswerItems => {
                write!(f, "the short answer opens at one claim or one guideline")
            }
            RouteError::PassageAndCriterion => {
                write!(
                    f,
                    "an article opens at a passage or at a criterion, not both"
                )
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

/// A term of `kind` by id.
fn term_of_kind(base: &ClaimBase, id: &str, kind: TermKind) -> Option<TermIdx> {
    base.term_by_id(id).filter(|&t| base.term(t).kind == kind)
}

impl Route {
    /// A view with nothing selected, and nothing shared.
    pub fn view(view: View) -> Self {
        Route {
            screen: Screen::overview(view),
            shared: Shared::default(),
        }
    }

    /// The hash form, without `#`: `view=map&cell=deep-tissue~muscle-tension`.
    pub fn encode(&self, base: &ClaimBase) -> String {
        let mut parts = vec![format!("view={}", self.screen.view().slug())];
        match &self.screen {
            Screen::Answer(None)
            | Screen::Options
            | Screen::Mechanisms(None)
            | Screen::Techniques(None)
            | Screen::Map(None)
            | Screen::Sources(None)
            | Screen::Safety(None) => {}
            Screen::Answer(Some(AnswerItem::Claim(claim))) => {
                parts.push(format!("claim={}", base.claim(*claim).id));
            }
            Screen::Answer(Some(AnswerItem::Guideline(g))) => {
                parts.push(format!("guideline={}", base.guideline(*g).id));
            }
            Screen::Mechanisms(Some(term)) | Screen::Techniques(Some(term)) => {
                parts.push(format!("item={}", base.term(*term).id));
            }
            Screen::Map(Some((technique, mechanism))) => parts.push(format!(
                "cell={}~{}",
                base.term(*technique).id,
                base.term(*mechanism).id
            )),
            Screen::Studies(study) => {
                if let Some(study) = study {
                    parts.push(format!("study={}", base.study(*study).id));
                }
                self.shared.studies.encode(base, &mut parts);
            }
            Screen::Sources(Some(article)) => {
                parts.push(format!("source={}", base.source(article.source).id));
                match article.at {
                    ArticlePart::Start => {}
                    ArticlePart::Passage(start, end) => parts.push(format!("at={start}-{end}")),
                    ArticlePart::Criterion(c) => {
                        parts.push(format!("criterion={}", base.criterion(c).id));
                    }
                }
            }
            Screen::Safety(Some(item)) => {
                parts.push(format!("safety={}", base.safety_item(*item).id));
            }
            Screen::Search => {
                if !self.shared.search.is_empty() {
                    parts.push(format!("q={}", percent_encode(&self.shared.search)));
                }
            }
        }
        parts.join("&")
    }

    /// Parses a hash (with or without `#`). The view comes first (the last `view=`
    /// wins, so an embed's `state` overrides its `view` option); every other key must
    /// be one that view takes.
    pub fn decode(hash: &str, base: &ClaimBase) -> Result<Route, RouteError> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let mut pairs = Vec::new();
        for pair in hash.split('&').filter(|p| !p.is_empty()) {
            let Some(pair) = pair.split_once('=') else {
                return Err(RouteError::NotKeyValue(pair.to_string()));
            };
            pairs.push(pair);
        }
        let view = match pairs.iter().rev().find(|(key, _)| *key == "view") {
            Some((_, slug)) => View::from_slug(slug)
                .ok_or_else(|| RouteError::UnknownValue("view", slug.to_string()))?,
            None => View::default(),
        };
        let mut route = Route::view(view);
        let mut article = ArticleKeys::default();
        for (key, value) in pairs.into_iter().filter(|(key, _)| *key != "view") {
            route.set(base, &mut article, key, value)?;
        }
        if let Screen::Sources(open) = &mut route.screen {
            *open = article.open(base)?;
        }
        Ok(route)
    }

    /// Applies one `key=value` of a hash (not `view`) to the screen of its view.
    fn set(
        &mut self,
        base: &ClaimBase,
        article: &mut ArticleKeys,
        key: &str,
        value: &str,
    ) -> Result<(), RouteError> {
        let unknown = |what| RouteError::UnknownValue(what, value.to_string());
        let malformed = |shape| RouteError::Malformed(value.to_string(), shape);
        let view = self.screen.view();
        match (&mut self.screen, key) {
            (Screen::Answer(Some(_)), "claim" | "guideline") => {
                return Err(RouteError::TwoAnswerItems)
            }
            (Screen::Answer(item), "claim") => {
                let claim = base.claim_by_id(value).ok_or_else(|| unknown("claim"))?;
                *item = Some(AnswerItem::Claim(claim));
            }
            (Screen::Answer(item), "guideline") => {
                let g = base
                    .guideline_by_id(value)
                    .ok_or_else(|| unknown("guideline"))?;
                *item = Some(AnswerItem::Guideline(g));
            }
            (Screen::Mechanisms(term), "item") => {
                let mechanism = term_of_kind(base, value, TermKind::Mechanism);
                *term = Some(mechanism.ok_or_else(|| unknown("mechanism"))?);
            }
            (Screen::Techniques(term), "item") => {
                let technique = term_of_kind(base, value, TermKind::Technique);
                *term = Some(technique.ok_or_else(|| unknown("technique"))?);
            }
            (Screen::Map(cell), "cell") => {
                let found = value.split_once('~').and_then(|(t, m)| {
                    Some((
                        term_of_kind(base, t, TermKind::Technique)?,
                        term_of_kind(base, m, TermKind::Mechanism)?,
                    ))
                });
                *cell = Some(found.ok_or_else(|| malformed("a technique~mechanism cell"))?);
            }
            (Screen::Studies(study), "study") => {
                *study = Some(base.study_by_id(value).ok_or_else(|| unknown("study"))?);
            }
            (Screen::Studies(_), key) => self.shared.studies.set(base, key, value)?,
            (Screen::Sources(_), "source") => {
                article.source = Some(base.source_by_id(value).ok_or_else(|| unknown("source"))?);
            }
            (Screen::Sources(_), "at") => {
                let range = value
                    .split_once('-')
                    .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
                let range = range.filter(|(a, b)| a < b);
                article.passage = Some(range.ok_or_else(|| malformed("a passage range"))?);
            }
            (Screen::Sources(_), "criterion") => {
                let criterion = base.criterion_by_id(value);
                article.criterion = Some(criterion.ok_or_else(|| unknown("criterion"))?);
            }
            (Screen::Safety(item), "safety") => {
                *item = Some(
                    base.safety_by_id(value)
                        .ok_or_else(|| unknown("safety item"))?,
                );
            }
            (Screen::Search, "q") => {
                self.shared.search = percent_decode(value).ok_or(RouteError::BadSearch)?;
            }
            (_, key) => return Err(RouteError::UnknownKey(key.to_string(), view)),
        }
        Ok(())
    }
}

/// The Sources view's keys as read, in whatever order they came.
#[derive(Default)]
struct ArticleKeys {
    source: Option<SourceIdx>,
    passage: Option<(u32, u32)>,
    criterion: Option<CriterionIdx>,
}

impl ArticleKeys {
    /// The article they open: a passage or a criterion needs its article, a passage
    /// must lie within it on whole characters (a byte offset inside a multi-byte
    /// character would cut text silently), and only one of the two is shown.
    fn open(self, base: &ClaimBase) -> Result<Option<OpenArticle>, RouteError> {
        let Some(source) = self.source else {
            return match (self.passage, self.criterion) {
                (None, None) => Ok(None),
                (Some(_), _) => Err(RouteError::PassageOutside),
                (None, Some(_)) => Err(RouteError::NoArticle),
            };
        };
        let at = match (self.passage, self.criterion) {
            (None, None) => ArticlePart::Start,
            (Some((start, end)), None) => {
                let text = base.source(source).text;
                if end as usize > text.len() {
                    return Err(RouteError::PassageOutside);
                }
                if !text.is_char_boundary(start as usize) || !text.is_char_boundary(end as usize) {
                    return Err(RouteError::PassageSplitsCharacter);
                }
                ArticlePart::Passage(start, end)
            }
            (None, Some(criterion)) => ArticlePart::Criterion(criterion),
            (Some(_), Some(_)) => return Err(RouteError::PassageAndCriterion),
        };
        Ok(Some(OpenArticle { source, at }))
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
                let facet = Facet::from_slug(key)
                    .ok_or_else(|| RouteError::UnknownKey(key.to_string(), View::Studies))?;
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
