//! Writes a synthetic seeds folder: the real seeds plus N generated studies
//! mentioned by generated articles. For benchmarks only; the shipped widget is
//! always built from `seeds/`.
//!
//! `cargo run --release --bin claimbase-generate -- 10000 target/bench-seeds`,
//! then `MX_SEEDS=target/bench-seeds trunk build --release` (`make bench-site`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use massage_explainer::claimbase::compile::{self, synthetic};
    use std::path::PathBuf;
    use std::process::ExitCode;

    let mut args = std::env::args().skip(1);
    let (Some(Ok(studies)), Some(out)) = (args.next().map(|n| n.parse::<usize>()), args.next())
    else {
        eprintln!("usage: claimbase-generate <studies> <output folder>");
        return ExitCode::FAILURE;
    };
    let seeds = match compile::read_dir(std::path::Path::new("seeds"), "seeds") {
        Ok(seeds) => seeds,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            return ExitCode::FAILURE;
        }
    };
    let files = synthetic::with_studies(&seeds, studies, 2026);
    let out = PathBuf::from(out);
    let _ = std::fs::remove_dir_all(&out);
    if let Err(e) = compile::write_dir(&files, &out) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} articles and {} generated studies to {}",
        files.articles.len(),
        studies,
        out.display()
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
