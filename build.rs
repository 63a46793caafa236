//! Compiles `seeds/` into the claim base bundled in the wasm.
//! Any problem stops the build with `path:line: what is wrong`; nothing here panics
//! on data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

#[path = "src/claimbase/articles.rs"]
#[allow(dead_code)]
mod articles;

const ARTICLES_DIR: &str = "seeds/articles";

/// A build error pinned to a place in a seed file.
struct SeedError {
    path: PathBuf,
    line: usize,
    message: String,
}

struct Article {
    id: String,
    text: String,
    meta: articles::ArticleMeta,
}

fn read_articles(dir: &Path) -> Result<Vec<Article>, Vec<SeedError>> {
    let at = |path: &Path, message: String| SeedError {
        path: path.to_path_buf(),
        line: 1,
        message,
    };
    let entries = fs::read_dir(dir)
        .map_err(|e| vec![at(dir, format!("cannot read the articles folder: {e}"))])?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match fs::read(&path) {
            Err(e) => errors.push(at(&path, format!("cannot read the article: {e}"))),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(e) => {
                    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
                    errors.push(SeedError {
                        path: path.clone(),
                        line,
                        message: format!(
                            "the article is not UTF-8 (invalid byte at offset {})",
                            valid.len()
                        ),
                    });
                }
                Ok(text) if articles::trim_line(&text).is_empty() => {
                    errors.push(at(&path, "the article is empty".to_string()))
                }
                Ok(text) => {
                    let meta = articles::detect(&text);
                    found.push(Article { id, text, meta });
                }
            },
        }
    }
    if found.is_empty() && errors.is_empty() {
        errors.push(at(dir, "no articles (*.txt) found".to_string()));
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

fn opt(value: &Option<String>) -> String {
    match value {
        Some(v) => format!("Some({v:?})"),
        None => "None".to_string(),
    }
}

fn generate(articles: &[Article]) -> String {
    let mut out = String::from("pub static SOURCES: &[Source] = &[\n");
    for a in articles {
        let _ = writeln!(
            out,
            "    Source {{ id: {:?}, title: {}, byline: {}, publisher: {}, url: {}, word_count: {}, lead: {:?}, text: {:?} }},",
            a.id,
            opt(&a.meta.title),
            opt(&a.meta.byline),
            opt(&a.meta.publisher),
            opt(&a.meta.url),
            a.meta.word_count,
            a.meta.lead,
            a.text,
        );
    }
    out.push_str("];\n");
    out
}

fn fail(errors: &[SeedError]) -> ! {
    for e in errors {
        println!(
            "cargo::error={}:{}: {}",
            e.path.display(),
            e.line,
            e.message
        );
        eprintln!("{}:{}: {}", e.path.display(), e.line, e.message);
    }
    process::exit(1);
}

fn main() {
    println!("cargo::rerun-if-changed=seeds");
    println!("cargo::rerun-if-changed=src/claimbase/articles.rs");
    // Cargo runs build scripts in the package root, so seed paths stay relative
    // and errors read `seeds/articles/x.txt:1: ...`.
    let articles = read_articles(Path::new(ARTICLES_DIR)).unwrap_or_else(|errors| fail(&errors));
    let Some(out_dir) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        fail(&[SeedError {
            path: "build.rs".into(),
            line: 1,
            message: "OUT_DIR is not set".into(),
        }])
    };
    if let Err(e) = fs::write(out_dir.join("claimbase_data.rs"), generate(&articles)) {
        fail(&[SeedError {
            path: out_dir,
            line: 1,
            message: format!("cannot write the bundle: {e}"),
        }]);
    }
}
