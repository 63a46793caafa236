//! The claim base: compiled at build time from `seeds/` by `build.rs` into static
//! data in the wasm, so reading it costs nothing at run time and nothing is fetched.

pub mod articles;

/// One source article, as bundled.
#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    /// The file stem, e.g. `000_3e48a30851d90427`.
    pub id: &'static str,
    pub title: Option<&'static str>,
    pub byline: Option<&'static str>,
    pub publisher: Option<&'static str>,
    pub url: Option<&'static str>,
    pub word_count: u32,
    /// First words of the content, naming an article that has no title.
    pub lead: &'static str,
    /// The article's text, verbatim.
    pub text: &'static str,
}

impl Source {
    /// What a reader calls this article: its title, or its first words.
    pub fn display_name(&self) -> String {
        match self.title {
            Some(title) => title.to_string(),
            None => format!("“{}…”", self.lead),
        }
    }
}

mod bundled {
    use super::Source;
    include!(concat!(env!("OUT_DIR"), "/claimbase_data.rs"));
}

/// Every source article, in file-name order.
pub fn sources() -> &'static [Source] {
    bundled::SOURCES
}
