//! Stage 3, check: each record kind is checked in its own module and turned into
//! its runtime record; references resolve through `Ids`, quotes through
//! `Quotes`. A check reports every problem it finds and goes on, so one build
//! lists them all.

pub mod bottom_line;
pub mod claims;
pub mod figures;
pub mod guidelines;
pub mod meta;
pub mod options;
pub mod quotes;
pub mod report_cards;
pub mod safety;
pub mod sources;
pub mod studies;
pub mod terms;

use super::ids::Ids;
use super::load::SeedFile;
use super::seed::Id;
use super::SeedError;
use quotes::Quotes;

/// What every check resolves references with.
pub struct Context<'a> {
    pub ids: &'a Ids,
    pub quotes: &'a Quotes,
}

/// Reports problems in one seed file.
pub struct Check<'a> {
    file: &'a SeedFile,
    errors: &'a mut Vec<SeedError>,
}

impl<'a> Check<'a> {
    pub fn new(file: &'a SeedFile, errors: &'a mut Vec<SeedError>) -> Self {
        Check { file, errors }
    }

    /// Reports `message` at byte `offset` of the file.
    pub fn at(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(self.file.error(offset, message));
    }

    pub fn path(&self) -> &str {
        self.file.path()
    }

    pub fn line(&self, offset: usize) -> usize {
        self.file.line(offset)
    }

    /// Reports a required text of record `owner` that is empty or blank.
    pub fn non_empty(&mut self, owner: &Id, field: &str, value: &str) {
        if value.trim().is_empty() {
            let message = format!("`{}`: `{field}` must not be empty", owner.get_ref());
            self.at(owner.span().start, message);
        }
    }

    /// Reports `message` at `owner`'s id unless `ok`.
    pub fn require(&mut self, ok: bool, owner: &Id, message: impl FnOnce() -> String) {
        if !ok {
            self.at(owner.span().start, message());
        }
    }
}

/// Leaks build-time data into the `'static` lifetime of the runtime model. The
/// build step is a short-lived process, and the model's slices must be
/// `'static` because the bundle is a `static`.
pub fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

pub fn leak_str(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

/// Leaks a list of strings.
pub fn leak_strs(items: &[String]) -> &'static [&'static str] {
    leak(items.iter().map(|s| leak_str(s.as_str())).collect())
}
