//! The articles: each `articles/*.txt` becomes a `Source` with its detected
//! title, byline, publisher and address, and the blocks the reader shows.

use super::{leak, leak_str};
use crate::claimbase::compile::articles;
use crate::claimbase::compile::load::SeedFile;
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::{Block, Source};

/// Reads every article; an empty or non-UTF-8 one is an error and is left out.
pub fn check(files: &[SeedFile], errors: &mut Vec<SeedError>) -> Vec<Source> {
    if files.is_empty() {
        let folder = SeedFile::new("seeds/articles", Vec::new());
        errors.push(folder.error(0, "no articles (*.txt) found"));
    }
    files
        .iter()
        .filter_map(|file| match file.text("the article") {
            Err(e) => {
                errors.push(e);
                None
            }
            Ok(text) if articles::trim_line(text).is_empty() => {
                errors.push(file.error(0, "the article is empty"));
                None
            }
            Ok(text) => Some(source(file.stem(), text)),
        })
        .collect()
}

fn source(id: &str, text: &str) -> Source {
    let text = leak_str(text);
    let meta = articles::detect(text);
    let blocks = articles::blocks(text)
        .into_iter()
        .map(|(kind, start, end)| Block {
            kind,
            start: start as u32,
            end: end as u32,
        })
        .collect();
    Source {
        id: leak_str(id),
        title: meta.title.map(leak_str),
        byline: meta.byline.map(leak_str),
        publisher: meta.publisher.map(leak_str),
        url: meta.url.map(leak_str),
        word_count: u32::try_from(meta.word_count).unwrap_or(u32::MAX),
        lead: leak_str(meta.lead),
        text,
        blocks: leak(blocks),
    }
}
