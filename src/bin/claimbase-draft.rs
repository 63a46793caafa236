//! `make draft ARTICLE=seeds/articles/NAME.txt`: a TOML draft for curating a new
//! article, written to `target/drafts/NAME.toml`: a claim for each sentence that
//! mentions an ontology term but no curated passage covers (`about` and the
//! verbatim quote filled in, `evidence = "unreviewed"`, `draft = true`), and a
//! study for each research mention the build found. The curator rewrites, grades
//! and moves it to `seeds/drafts/` (the build checks it like the rest).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::process::ExitCode;

    use massage_explainer::claimbase::compile::{self, draft};

    let Some(article) = std::env::args().nth(1) else {
        eprintln!("usage: claimbase-draft seeds/articles/NAME.txt");
        return ExitCode::FAILURE;
    };
    let stem = Path::new(&article)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let compiled =
        match compile::read_dir(Path::new("seeds"), "seeds").and_then(|f| compile::compile(&f)) {
            Ok(compiled) => compiled,
            Err(errors) => {
                errors.iter().for_each(|e| eprintln!("{e}"));
                return ExitCode::FAILURE;
            }
        };
    let Some(text) = draft::draft(&compiled, &stem) else {
        eprintln!("{article}: not an article of seeds/articles (put it there first)");
        return ExitCode::FAILURE;
    };
    let out = Path::new("target/drafts").join(format!("{stem}.toml"));
    let written = std::fs::create_dir_all("target/drafts").and_then(|_| std::fs::write(&out, text));
    match written {
        Ok(()) => {
            println!(
                "wrote {}: edit it, then move it to seeds/drafts/ and rebuild",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
