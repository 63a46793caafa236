//! Derived facts for the explainer: which claims are about a term, which
//! techniques act through which mechanisms and how many sources say so, which
//! passages of an article are quoted.

use super::order;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{
    Cite, ClaimBase, ClaimIdx, Discrepancy, Passage, SourceIdx, Study, StudyIdx, Term, TermIdx,
};

/// Claims about `term`, strongest evidence first.
pub fn claims_about(base: &ClaimBase, term: TermIdx) -> Vec<ClaimIdx> {
    let found: Vec<ClaimIdx> = base
        .claims_indexed()
        .filter(|(_, c)| c.about.contains(&term))
        .map(|(i, _)| i)
        .collect();
    // Evidence level first, then the most articles.
    order::by_key(found, |&i| {
        let c = base.claim(i);
        (c.evidence as u32) << 8 | u32::from(u8::MAX - c.source_count)
    })
}

/// Distinct articles behind a set of claims.
pub fn sources_of(base: &ClaimBase, claims: &[ClaimIdx]) -> Vec<SourceIdx> {
    sorted_distinct(
        claims
            .iter()
            .flat_map(|&c| base.claim(c).supports.iter().map(|p| p.source))
            .collect(),
        SourceIdx::index,
    )
}

/// Indices sorted, without repeats. (A sorted `Vec` rather than a `BTreeSet`:
/// the sets here are tiny, and B-tree code costs the wasm about 29 KB.)
pub fn sorted_distinct<T: Copy + PartialEq>(items: Vec<T>, index: impl Fn(T) -> usize) -> Vec<T> {
    let mut items = order::by_key(items, |&t| index(t) as u32);
    items.dedup();
    items
}

/// Terms of `kind` that share a claim with `term` (techniques of a mechanism, or
/// mechanisms of a technique), with the number of sources linking each.
pub fn linked(base: &ClaimBase, term: TermIdx, kind: TermKind) -> Vec<(TermIdx, usize)> {
    base.terms_of_kind(kind)
        .filter(|&(other, _)| other != term)
        .map(|(other, _)| (other, base.link_claims(term, other)))
        .filter(|(_, claims)| !claims.is_empty())
        .map(|(other, claims)| (other, sources_of(base, &claims).len()))
        .collect()
}

/// What a mechanism's or technique's card and detail show.
pub struct TermFacts {
    pub term: &'static Term,
    /// Claims about it, strongest evidence first.
    pub claims: Vec<ClaimIdx>,
    /// Distinct articles behind those claims.
    pub sources: usize,
    /// The other axis (techniques of a mechanism, mechanisms of a technique),
    /// with the number of articles linking each.
    pub linked: Vec<(TermIdx, usize)>,
}

pub fn term_facts(base: &ClaimBase, idx: TermIdx) -> TermFacts {
    let term = base.term(idx);
    let other = if term.kind == TermKind::Technique {
        TermKind::Mechanism
    } else {
        TermKind::Technique
    };
    let claims = claims_about(base, idx);
    TermFacts {
        term,
        sources: sources_of(base, &claims).len(),
        linked: linked(base, idx, other),
        claims,
    }
}

/// The technique × mechanism grid: `sources[t][m]` = sources linking technique `t` to mechanism `m`.
pub struct Grid {
    pub techniques: Vec<TermIdx>,
    pub mechanisms: Vec<TermIdx>,
    pub sources: Vec<Vec<usize>>,
}

pub fn grid(base: &ClaimBase) -> Grid {
    let of_kind = |kind| base.terms_of_kind(kind).map(|(i, _)| i).collect::<Vec<_>>();
    let (techniques, mechanisms) = (of_kind(TermKind::Technique), of_kind(TermKind::Mechanism));
    let sources = techniques
        .iter()
        .map(|&t| {
            mechanisms
                .iter()
                .map(|&m| sources_of(base, &base.link_claims(t, m)).len())
                .collect()
        })
        .collect();
    Grid {
        techniques,
        mechanisms,
        sources,
    }
}

/// Studies behind a set of claims.
pub fn studies_of(base: &ClaimBase, claims: &[ClaimIdx]) -> Vec<StudyIdx> {
    sorted_distinct(
        claims
            .iter()
            .flat_map(|&c| base.claim(c).studies.iter().copied())
            .collect(),
        StudyIdx::index,
    )
}

/// Every quoted passage of the claim base: claims, study mentions, safety items.
pub fn quoted_passages(base: &ClaimBase) -> impl Iterator<Item = &'static Passage> {
    let (claims, studies, safety) = (base.claims, base.studies, base.safety);
    claims
        .iter()
        .flat_map(|c| c.supports)
        .chain(studies.iter().flat_map(|s| s.mentions))
        .chain(safety.iter().flat_map(|s| s.supports))
}

/// Every quoted passage of an article, sorted and with overlaps merged, for
/// highlighting in the reader.
pub fn quoted_ranges(base: &ClaimBase, source: SourceIdx) -> Vec<(u32, u32)> {
    let mut ranges: Vec<(u32, u32)> = quoted_passages(base)
        .filter(|p| p.source == source)
        .map(|p| (p.start, p.end))
        .collect();
    order::pairs(&mut ranges);
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// `marks` with `passage` marked too when no mark holds its start (a sentence no
/// curated quote covers, opened from "not yet reviewed" or a report card).
pub fn with_passage(mut marks: Vec<(u32, u32)>, passage: Option<(u32, u32)>) -> Vec<(u32, u32)> {
    let Some((start, end)) = passage else {
        return marks;
    };
    if marks.iter().any(|&(s, e)| s <= start && start < e) {
        return marks;
    }
    // Keep the marks sorted and apart: the passage ends where a later mark begins.
    let at = marks.partition_point(|&(s, _)| s < start);
    let end = marks.get(at).map_or(end, |&(next, _)| end.min(next));
    marks.insert(at, (start, end));
    marks
}

/// Claims an article makes that research contradicts, that overstate it, or
/// that stand unsupported, in that order.
pub fn weak_claims_of(base: &ClaimBase, source: SourceIdx) -> Vec<ClaimIdx> {
    let found: Vec<(u8, ClaimIdx)> = base
        .claims_indexed()
        .filter(|(_, c)| c.supports.iter().any(|p| p.source == source))
        .filter_map(|(i, c)| Some((c.evidence.problem_rank()?, i)))
        .collect();
    order::by_key(found, |&(rank, _)| u32::from(rank))
        .into_iter()
        .map(|(_, i)| i)
        .collect()
}

/// Where an article misdescribes the studies it mentions: each study with the
/// discrepancies about this article (or about every article that mentions it).
pub fn discrepancies_of(
    base: &ClaimBase,
    source: SourceIdx,
) -> Vec<(StudyIdx, &'static Discrepancy)> {
    studies_mentioned_by(base, source)
        .into_iter()
        .flat_map(|s| {
            let study = base.study(s);
            let about_it = move |d: &&Discrepancy| d.source.is_none_or(|about| about == source);
            study
                .discrepancies
                .iter()
                .filter(about_it)
                .map(move |d| (s, d))
        })
        .collect()
}

/// A study's short name: its first author and year ("Furlan 2015"), or how
/// the articles describe it when no publication was identified.
pub fn study_name(study: &Study) -> String {
    let Some(p) = &study.identified else {
        return study.label.to_string();
    };
    let (authors, _) = crate::query::cite::authors(p.authors);
    let who = authors
        .first()
        .map_or(p.journal, |first| first.family.as_str());
    // A record with neither authors nor journal (a handbook) goes by its label.
    match (who.is_empty(), p.year) {
        (true, _) => study.label.to_string(),
        (false, Some(year)) => format!("{who} {year}"),
        (false, None) => who.to_string(),
    }
}

/// What a citation of the short answer says it is, for its link.
pub fn cite_name(base: &ClaimBase, cite: Cite) -> String {
    match cite {
        Cite::Study(s) => study_name(base.study(s)),
        Cite::Guideline(g) => base.guideline(g).name.to_string(),
        Cite::Claim(_) => "What the articles claim".to_string(),
    }
}

/// Studies an article mentions.
pub fn studies_mentioned_by(base: &ClaimBase, source: SourceIdx) -> Vec<StudyIdx> {
    base.studies_indexed()
        .filter(|(_, s)| s.mentions.iter().any(|p| p.source == source))
        .map(|(i, _)| i)
        .collect()
}

/// Splits `text[start..end]` into plain and marked pieces, given sorted,
/// non-overlapping `marks` in text coordinates. Each piece: (text, its mark).
pub fn split_marked<'a>(
    text: &'a str,
    start: u32,
    end: u32,
    marks: &[(u32, u32)],
) -> Vec<(&'a str, Option<(u32, u32)>)> {
    let mut pieces = Vec::new();
    let mut at = start;
    let mut push = |from: u32, to: u32, mark| {
        if let Some(piece) = text.get(from as usize..to as usize) {
            pieces.push((piece, mark));
        }
    };
    for &(m_start, m_end) in marks {
        let (from, to) = (m_start.max(start), m_end.min(end));
        if from >= to {
            continue;
        }
        if at < from {
            push(at, from, None);
        }
        push(from, to, Some((m_start, m_end)));
        at = to;
    }
    if at < end {
        push(at, end, None);
    }
    pieces
}
