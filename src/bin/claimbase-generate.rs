//! Writes a synthetic seeds folder: the real seeds plus N generated studies
//! mentioned by generated articles, and optionally M generated articles no
//! curator has seen. For benchmarks only; the shipped widget is always built
//! from `seeds/`.
//!
//! `cargo run --release --bin claimbase-generate -- 10000 target/bench-seeds [M]`,
//! then `MX_SEEDS=target/bench-seeds trunk build --release` (`make bench-site`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use massage_explainer::claimbase::compile::{self, synthetic};
    use std::path::PathBuf;
    use std::process::ExitCode;

    let mut args = std::env::args().skip(1);
    let studies = args.next().map(|n| n.parse::<usize>());
    let out = args.next();
    let articles = args.next().map_or(Ok(0), |n| n.parse::<usize>());
    let (Some(Ok(studies)), Some(out), Ok(articles)) = (studies, out, articles) else {
        eprintln!("usage: claimbase-generate <studies> <output folder> [unreviewed articles]");
        return ExitCode::FAILURE;
    };
    let seeds = match compile::read_dir(std::path::Path::new("seeds"), "seeds") {
        Ok(seeds) => seeds,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            return ExitCode::FAILURE;
        }
    };
    let files = synthetic::with_articles(&synthetic::with_studies(&seeds, studies, 2026), articles);
    let out = PathBuf::from(out);
    let _ = std::fs::remove_dir_all(&out);
    if let Err(e) = compile::write_dir(&files, &out) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} articles ({articles} unreviewed) and {studies} generated studies to {}",
        files.articles.len(),
        out.display()
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
