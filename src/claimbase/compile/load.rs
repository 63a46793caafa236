//! Stage 1, load: read the seed files, decode them, parse the TOML. A file keeps
//! its line index, so every later stage turns a byte offset into `path:line`
//! the same way.

use std::path::Path;

use super::seed;
use super::SeedError;

/// A seed file's path (as shown in errors), its bytes, and where its lines start.
#[derive(Clone, Debug)]
pub struct SeedFile {
    path: String,
    bytes: Vec<u8>,
    line_starts: Vec<usize>,
}

impl SeedFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        let bytes = bytes.into();
        let line_starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Self {
            path: path.into(),
            bytes,
            line_starts,
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The file name without its folder and extension (an article's source id).
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }

    /// The 1-based line of byte `offset` (a binary search: every id records
    /// its line, and counting from the top was quadratic).
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// An error at byte `offset` of this file.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> SeedError {
        SeedError {
            path: self.path.clone(),
            line: self.line(offset),
            message: message.into(),
        }
    }

    /// The text, or an error at the first byte that is not UTF-8.
    pub fn text(&self, what: &str) -> Result<&str, SeedError> {
        std::str::from_utf8(&self.bytes).map_err(|e| {
            self.error(
                e.valid_up_to(),
                format!(
                    "{what} is not UTF-8 (invalid byte at offset {})",
                    e.valid_up_to()
                ),
            )
        })
    }
}

/// A parsed TOML seed file: its records, and the file for line numbers.
pub struct Parsed<'a, T> {
    pub file: &'a SeedFile,
    pub seed: T,
}

fn parse<'a, T: serde::de::DeserializeOwned>(
    file: &'a SeedFile,
    errors: &mut Vec<SeedError>,
) -> Option<Parsed<'a, T>> {
    let text = file.text("the file").map_err(|e| errors.push(e)).ok()?;
    match toml::from_str(text) {
        Ok(seed) => Some(Parsed { file, seed }),
        Err(e) => {
            let offset = e.span().map_or(0, |span| span.start);
            errors.push(file.error(offset, e.message().trim()));
            None
        }
    }
}

/// The TOML files of `seeds/`, listed once: the file name, the field that holds
/// it, and the seed type it parses into.
macro_rules! toml_files {
    ($($field:ident: $name:literal => $seed:ty,)*) => {
        /// Everything the claim base is compiled from.
        #[derive(Clone, Debug)]
        pub struct SeedFiles {
            /// `articles/*.txt`, sorted by path.
            pub articles: Vec<SeedFile>,
            $(pub $field: SeedFile,)*
            /// `drafts/*.toml`, sorted by path (the folder is optional).
            pub drafts: Vec<SeedFile>,
        }

        /// The TOML files, parsed.
        pub struct Seeds<'a> {
            $(pub $field: Parsed<'a, $seed>,)*
            pub drafts: Vec<Parsed<'a, seed::Draft>>,
        }

        pub const TOML_FILES: &[&str] = &[$($name),*];

        impl SeedFiles {
            /// Builds from the articles and the TOML files in `TOML_FILES` order.
            fn from_parts(articles: Vec<SeedFile>, tables: Vec<SeedFile>, drafts: Vec<SeedFile>) -> Option<Self> {
                let mut tables = tables.into_iter();
                Some(SeedFiles { articles, $($field: tables.next()?,)* drafts })
            }

            /// The TOML files with their names.
            pub fn tables(&self) -> Vec<(&'static str, &SeedFile)> {
                vec![$(($name, &self.$field)),*]
            }

            /// Parses every TOML file; `None` (with the errors) if any fails.
            pub fn parse(&self, errors: &mut Vec<SeedError>) -> Option<Seeds<'_>> {
                $(let $field = parse(&self.$field, errors);)*
                let drafts: Vec<Option<Parsed<seed::Draft>>> = self.drafts.iter().map(|d| parse(d, errors)).collect();
                let drafts = drafts.into_iter().collect::<Option<Vec<_>>>()?;
                Some(Seeds { $($field: $field?,)* drafts })
            }
        }
    };
}

toml_files! {
    meta: "claimbase.toml" => seed::Meta,
    ontology: "ontology.toml" => seed::Ontology,
    claims: "claims.toml" => seed::Claims,
    studies: "studies.toml" => seed::Studies,
    safety: "safety.toml" => seed::Safety,
    guidelines: "guidelines.toml" => seed::Guidelines,
    options: "options.toml" => seed::Options,
    bottom_line: "bottom-line.toml" => seed::BottomLine,
    figures: "figures.toml" => seed::Figures,
    report_cards: "report-cards.toml" => seed::ReportCards,
}

/// Reads `seeds_dir` (shown in errors as `shown_as`, e.g. `seeds`).
pub fn read_dir(seeds_dir: &Path, shown_as: &str) -> Result<SeedFiles, Vec<SeedError>> {
    let mut errors = Vec::new();
    let mut read = |name: &str, what: &str| {
        let shown = format!("{shown_as}/{name}");
        match std::fs::read(seeds_dir.join(name)) {
            Ok(bytes) => SeedFile::new(shown, bytes),
            Err(e) => {
                let file = SeedFile::new(shown, Vec::new());
                errors.push(file.error(0, format!("cannot read {what}: {e}")));
                file
            }
        }
    };
    let names = files_in(&seeds_dir.join("articles"), ".txt");
    let articles = names.as_deref().unwrap_or_default();
    let articles = articles
        .iter()
        .map(|name| read(&format!("articles/{name}"), "the article"))
        .collect();
    let tables = TOML_FILES.iter().map(|name| read(name, name)).collect();
    let drafts = files_in(&seeds_dir.join("drafts"), ".toml").unwrap_or_default();
    let drafts = drafts
        .iter()
        .map(|name| read(&format!("drafts/{name}"), "the draft"))
        .collect();
    if let Err(e) = names {
        let folder = SeedFile::new(format!("{shown_as}/articles"), Vec::new());
        errors.push(folder.error(0, format!("cannot read the articles folder: {e}")));
    }
    match SeedFiles::from_parts(articles, tables, drafts) {
        Some(files) if errors.is_empty() => Ok(files),
        _ => Err(errors),
    }
}

/// The names of the files in `dir` that end with `ending`, sorted.
fn files_in(dir: &Path, ending: &str) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(ending))
        .collect();
    names.sort();
    Ok(names)
}

/// Writes seed files into `dir`, as `read_dir` reads them.
pub fn write_dir(files: &SeedFiles, dir: &Path) -> std::io::Result<()> {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles)?;
    for article in &files.articles {
        std::fs::write(
            articles.join(format!("{}.txt", article.stem())),
            article.bytes(),
        )?;
    }
    for (name, file) in files.tables() {
        std::fs::write(dir.join(name), file.bytes())?;
    }
    if !files.drafts.is_empty() {
        std::fs::create_dir_all(dir.join("drafts"))?;
    }
    for draft in &files.drafts {
        std::fs::write(
            dir.join("drafts").join(format!("{}.toml", draft.stem())),
            draft.bytes(),
        )?;
    }
    Ok(())
}

impl Seeds<'_> {
    /// The claims of `claims.toml`, then of each draft, with their files: one
    /// list, numbered in this order.
    pub fn claims(&self) -> Vec<(&SeedFile, &seed::ClaimSeed)> {
        let main = self.claims.seed.claim.iter().map(|c| (self.claims.file, c));
        main.chain(
            self.drafts
                .iter()
                .flat_map(|d| d.seed.claim.iter().map(move |c| (d.file, c))),
        )
        .collect()
    }

    /// The studies of `studies.toml`, then of each draft, with their files.
    pub fn studies(&self) -> Vec<(&SeedFile, &seed::StudySeed)> {
        let main = self
            .studies
            .seed
            .study
            .iter()
            .map(|s| (self.studies.file, s));
        main.chain(
            self.drafts
                .iter()
                .flat_map(|d| d.seed.study.iter().map(move |s| (d.file, s))),
        )
        .collect()
    }
}
