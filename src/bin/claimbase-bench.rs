//! `make bench` (claim base part): how long compiling the claim base takes for
//! the seeds and for generated article sets of growing size, to show it grows
//! linearly (generated articles reuse the seed sentences in a shuffled order, so
//! extraction and tagging do real work; they exist only here, never in the wasm);
//! the study query engine at 10,000 studies; search everything over the seeds
//! plus 1,000 generated articles.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use massage_explainer::claimbase::compile::{self, synthetic};
    use std::path::Path;
    use std::process::ExitCode;
    use std::time::Instant;

    let seeds = match compile::read_dir(Path::new("seeds"), "seeds") {
        Ok(seeds) => seeds,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            return ExitCode::FAILURE;
        }
    };
    let time = |articles: usize| -> Option<f64> {
        let files = synthetic::with_articles(&seeds, articles);
        let runs = 5;
        let mut best = f64::MAX;
        for _ in 0..runs {
            let start = Instant::now();
            let base = compile::compile(&files).ok()?;
            let _ = compile::codegen::generate(&base.base);
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        Some(best)
    };
    println!("claim base build (parse + validate + extract + generate), best of 5:");
    println!("{:>10} {:>12} {:>16}", "articles", "ms", "ms per article");
    for extra in [0, 125, 250, 500, 1000] {
        let Some(ms) = time(extra) else {
            eprintln!("the claim base failed to compile");
            return ExitCode::FAILURE;
        };
        let total = seeds.articles.len() + extra;
        println!("{total:>10} {ms:>12.1} {:>16.3}", ms / total as f64);
    }
    if query_bench(&seeds) == ExitCode::FAILURE {
        return ExitCode::FAILURE;
    }
    everything_bench(&seeds)
}

/// The study query engine alone (no DOM), on a generated claim base of 10,000
/// studies: every prefix of a few searches, as typed.
#[cfg(not(target_arch = "wasm32"))]
fn query_bench(seeds: &massage_explainer::claimbase::compile::SeedFiles) -> std::process::ExitCode {
    use massage_explainer::claimbase::compile::{self, synthetic};
    use massage_explainer::query::studies::{run, StudyQuery};
    use std::process::ExitCode;
    use std::time::Instant;

    let Ok(compile::Compiled { base, .. }) =
        compile::compile(&synthetic::with_studies(seeds, 10_000, 2026))
    else {
        eprintln!("the generated claim base failed to compile");
        return ExitCode::FAILURE;
    };
    let mut times = Vec::new();
    for _round in 0..5 {
        for word in [
            "chronic",
            "swedish massage",
            "schröder",
            "report 12",
            "acupuncture",
        ] {
            let prefixes = word.char_indices().map(|(i, c)| &word[..i + c.len_utf8()]);
            for text in prefixes {
                let query = StudyQuery {
                    text: text.to_string(),
                    ..StudyQuery::default()
                };
                let start = Instant::now();
                let results = run(&base, &query);
                times.push(start.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(results);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1)];
    println!();
    println!(
        "study query engine, native, {} studies, {} searches: p50 {:.2} ms, p95 {:.2} ms",
        base.studies.len(),
        times.len(),
        at(0.5),
        at(0.95)
    );
    ExitCode::SUCCESS
}

/// Search everything alone (no DOM), over the seeds plus 1,000 generated
/// articles: building its index once, then every prefix of a few searches as
/// typed and deleted again.
#[cfg(not(target_arch = "wasm32"))]
fn everything_bench(
    seeds: &massage_explainer::claimbase::compile::SeedFiles,
) -> std::process::ExitCode {
    use massage_explainer::claimbase::compile::{self, synthetic};
    use massage_explainer::claimbase::fold;
    use massage_explainer::query::everything::Index;
    use std::process::ExitCode;
    use std::time::Instant;

    let Ok(compile::Compiled { base, .. }) =
        compile::compile(&synthetic::with_articles(seeds, 1000))
    else {
        eprintln!("the generated claim base failed to compile");
        return ExitCode::FAILURE;
    };
    let mut build_ms = f64::MAX;
    let mut index = None;
    for _ in 0..3 {
        let start = Instant::now();
        index = Some(Index::build(&base));
        build_ms = build_ms.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    let Some(index) = index else {
        return ExitCode::FAILURE;
    };
    let (words, postings) = index.size();
    let mut times = Vec::new();
    for _round in 0..5 {
        for text in [
            "massage",
            "circulation",
            "back pain",
            "lactic acid",
            "deep tissue",
        ] {
            let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            let typed = ends.iter().chain(ends.iter().rev().skip(1));
            for &end in typed {
                let start = Instant::now();
                // Folding what was typed is part of each search, once.
                let results = index.search(&base, &fold::query_words(&text[..end]));
                times.push(start.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(results);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1)];
    let blocks: usize = base.sources.iter().map(|s| s.blocks.len()).sum();
    println!();
    println!(
        "search everything, native, {} articles ({blocks} paragraphs), {} studies: index built in {build_ms:.1} ms ({words} words, {postings} postings, about {} KB); {} searches: p50 {:.2} ms, p95 {:.2} ms",
        base.sources.len(),
        base.studies.len(),
        (postings * 4 + words * 24) / 1024,
        times.len(),
        at(0.5),
        at(0.95)
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
