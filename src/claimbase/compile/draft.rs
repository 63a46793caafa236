//! Drafts for curators: the TOML a new article needs, pre-filled from what the
//! build found in it (see `src/bin/claimbase-draft.rs`). Every quote is a
//! sentence of the article, verbatim, so the draft builds as it is.

use std::fmt::Write as _;

use super::Compiled;
use crate::claimbase::kinds::{ClaimKind, Status, TermKind};
use crate::claimbase::model::{ClaimBase, Passage, Study, TermIdx};

/// `text` as a TOML basic string.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

/// What a claim about these terms most likely is.
fn kind_of(base: &ClaimBase, terms: &[TermIdx]) -> ClaimKind {
    let has = |kind| terms.iter().any(|&t| base.term(t).kind == kind);
    if has(TermKind::Technique) {
        ClaimKind::Technique
    } else if has(TermKind::Mechanism) {
        ClaimKind::Mechanism
    } else if has(TermKind::Condition) {
        ClaimKind::Cause
    } else if has(TermKind::Outcome) {
        ClaimKind::Benefit
    } else {
        ClaimKind::General
    }
}

/// The draft for the article `stem`, or `None` if there is no such article.
pub fn draft(compiled: &Compiled, stem: &str) -> Option<String> {
    let base = &compiled.base;
    let source = base.source_by_id(stem)?;
    let slug = stem.replace('_', "-").to_ascii_lowercase();
    let mut out = format!(
        "# Draft for seeds/articles/{stem}.txt, written by `make draft`.\n\
         # For each claim: write `text` in our own neutral words, check `kind` and `about`,\n\
         # grade it (`evidence`, `evidence_note`) and remove `draft = true`; keep only the\n\
         # claims worth keeping. For each study: identify it if you can. Then move this file\n\
         # to seeds/drafts/ (or its tables into claims.toml and studies.toml) and rebuild.\n"
    );
    let sentences = compiled.uncovered_sentences();
    for (n, s) in sentences.iter().filter(|s| s.source == source).enumerate() {
        let quote = base.passage_text(&Passage {
            source,
            start: s.start,
            end: s.end,
        });
        let about = list(s.terms.iter().map(|&t| toml_string(base.term(t).id)));
        let _ = write!(
            out,
            "\n[[claim]]\nid = \"draft-{slug}-{}\"\ndraft = true\nkind = \"{}\"\nabout = {about}\ntext = {}\nevidence = \"unreviewed\"\nevidence_note = \"Not yet reviewed.\"\n  [[claim.support]]\n  source = \"{stem}\"\n  quote = {}\n",
            n + 1,
            kind_of(base, &s.terms).slug(),
            toml_string(quote),
            toml_string(quote),
        );
    }
    let found = base.studies.iter().filter(|s| {
        s.status == Status::Unreviewed && s.mentions.iter().any(|m| m.source == source)
    });
    for (n, study) in found.enumerate() {
        out.push_str(&study_table(base, study, &slug, stem, n + 1));
    }
    Some(out)
}

/// A found study as an `unverified` study table, its details as comments.
fn study_table(base: &ClaimBase, study: &Study, slug: &str, stem: &str, n: usize) -> String {
    let ids = |terms: &[TermIdx]| list(terms.iter().map(|&t| toml_string(base.term(t).id)));
    let mut out = format!(
        "\n[[study]]\nid = \"draft-{slug}-study-{n}\"\nlabel = {}\ndesign = \"{}\"\npopulations = {}\ncomparators = {}\noutcomes = {}\nstatus = \"unverified\"\nquality = \"Not yet reviewed.\"\n",
        toml_string(study.label),
        study.design.slug(),
        list(study.populations.iter().map(|p| toml_string(p.slug()))),
        ids(study.comparators),
        ids(study.outcomes),
    );
    if let Some(d) = &study.detected {
        let none = || "not given".to_string();
        let _ = writeln!(
            out,
            "  # What the text says (check it): design words: {}; who took part: {}; journal: {}; year: {}.",
            if d.design_words.is_empty() { none() } else { d.design_words.join(", ") },
            d.participants.map_or_else(none, str::to_string),
            d.journal.map_or_else(none, str::to_string),
            d.year.map_or_else(none, |y| y.to_string()),
        );
    }
    for mention in study.mentions {
        let _ = write!(
            out,
            "  [[study.mention]]\n  source = \"{stem}\"\n  quote = {}\n",
            toml_string(base.passage_text(mention))
        );
    }
    out
}
