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
    let report = || -> Result<(), Vec<compile::SeedError>> {
        let base = compile::compile(&compile::read_dir(Path::new(&seeds), &seeds)?)?;
        let uncovered = compile::uncovered_sentences(&base);
        let tagged = base
            .sentences
            .iter()
            .filter(|s| !s.terms.is_empty())
            .count();
        println!(
            "claim base: {} sources, {} terms, {} claims, {} studies, {} safety items, {} sentences ({} mention a term)",
            base.sources.len(),
            base.terms.len(),
            base.claims.len(),
            base.studies.len(),
            base.safety.len(),
            base.sentences.len(),
            tagged,
        );
        println!("read and left out on purpose: {}", base.not_claims.len());
        for n in base.not_claims {
            let source = base.source(n.passage.source).map_or("?", |s| s.id);
            println!(
                "  {source}: \"{}\": {}",
                base.passage_text(&n.passage),
                n.reason
            );
        }
        println!(
            "sentences that mention a term but back nothing: {}",
            uncovered.len()
        );
        for sentence in uncovered {
            let source = base.source(sentence.source).map_or("?", |s| s.id);
            let text = base
                .sources
                .get(usize::from(sentence.source))
                .map_or("", |s| s.text);
            let line = compile::line_of(text, sentence.start as usize);
            let terms: Vec<&str> = sentence
                .terms
                .iter()
                .filter_map(|&t| base.term(t))
                .map(|t| t.id)
                .collect();
            let words = text
                .get(sentence.start as usize..sentence.end as usize)
                .unwrap_or_default();
            println!(
                "{seeds}/articles/{source}.txt:{line}: [{}] {words}",
                terms.join(", ")
            );
        }
        Ok(())
    };
    match report() {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
