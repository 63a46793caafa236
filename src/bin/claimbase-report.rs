//! `make coverage`: compiles `seeds/` and lists every article sentence that
//! mentions an ontology term but backs no claim, study mention or safety item,
//! so a curator can see what the claim base leaves out. Exits 1 on seed errors.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use massage_explainer::claimbase::compile;
    use std::path::Path;
    use std::process::ExitCode;

    let seeds = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds".to_string());
    match compile::read_dir(Path::new(&seeds), &seeds).and_then(|f| compile::compile(&f)) {
        Ok(compiled) => {
            report::counts(&compiled);
            report::left_out(&compiled);
            report::unrated(&compiled, &seeds);
            report::drafts(&compiled);
            report::uncovered(&compiled, &seeds);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// The report's sections, each printed in turn.
#[cfg(not(target_arch = "wasm32"))]
mod report {
    use massage_explainer::claimbase::compile::{self, Compiled};
    use massage_explainer::claimbase::kinds::Evidence;
    use massage_explainer::query::report::card_of;

    /// What the claim base holds.
    pub fn counts(compiled: &Compiled) {
        let (base, notes) = (&compiled.base, &compiled.notes);
        let tagged = notes
            .sentences
            .iter()
            .filter(|s| !s.terms.is_empty())
            .count();
        println!(
            "claim base: {} sources, {} terms, {} claims, {} studies, {} safety items, {} sentences ({tagged} mention a term)",
            base.sources.len(),
            base.terms.len(),
            base.claims.len(),
            base.studies.len(),
            base.safety.len(),
            notes.sentences.len(),
        );
    }

    /// Passages read and left out on purpose, with the curator's reasons.
    pub fn left_out(compiled: &Compiled) {
        let (base, notes) = (&compiled.base, &compiled.notes);
        println!("read and left out on purpose: {}", notes.not_claims.len());
        for n in &notes.not_claims {
            let source = base.source(n.passage.source).id;
            println!(
                "  {source}: \"{}\": {}",
                base.passage_text(&n.passage),
                n.reason
            );
        }
    }

    /// Articles with no report card yet.
    pub fn unrated(compiled: &Compiled, seeds: &str) {
        let base = &compiled.base;
        let unrated: Vec<&str> = base
            .sources_indexed()
            .filter(|&(s, _)| card_of(base, s).is_none())
            .map(|(_, s)| s.id)
            .collect();
        println!(
            "report cards: {} articles rated; not yet rated: {}",
            base.report_cards.len(),
            unrated.len()
        );
        for id in unrated {
            println!("  {seeds}/articles/{id}.txt: no [[verdict]] in report-cards.toml");
        }
    }

    /// Draft claims a curator has not reviewed.
    pub fn drafts(compiled: &Compiled) {
        let drafts: Vec<&str> = compiled
            .base
            .claims
            .iter()
            .filter(|c| c.evidence == Evidence::Unreviewed)
            .map(|c| c.id)
            .collect();
        println!(
            "draft claims awaiting review (evidence \"unreviewed\"): {}",
            drafts.len()
        );
        for id in drafts {
            println!("  {id}");
        }
    }

    /// Sentences that mention a term but back nothing, as `path:line: [terms] words`.
    pub fn uncovered(compiled: &Compiled, seeds: &str) {
        let base = &compiled.base;
        let uncovered = compiled.uncovered_sentences();
        println!(
            "sentences that mention a term but back nothing: {}",
            uncovered.len()
        );
        for sentence in uncovered {
            let source = base.source(sentence.source);
            let article = compile::SeedFile::new(source.id, source.text);
            let line = article.line(sentence.start as usize);
            let terms: Vec<&str> = sentence.terms.iter().map(|&t| base.term(t).id).collect();
            let words = source
                .text
                .get(sentence.start as usize..sentence.end as usize)
                .unwrap_or_default();
            println!(
                "{seeds}/articles/{}.txt:{line}: [{}] {words}",
                source.id,
                terms.join(", ")
            );
        }
    }
}
