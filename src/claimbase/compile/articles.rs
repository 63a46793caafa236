//! Reading a source article: which lines are its title, byline, source URL and
//! boilerplate, and which are content. Pure std so `build.rs` can include it.

/// What a line of an article is, as far as the reader and the claim base care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// The article's own title (its first line when that reads as a heading).
    Title,
    /// A heading that repeats the title right after it (a scraping artefact).
    RepeatedTitle,
    /// "By Name, Publisher".
    Byline,
    /// "Source: URL".
    SourceUrl,
    /// Page furniture that is not the article's content ("Recommended Videos").
    Boilerplate,
    /// A short line with no closing punctuation: a section heading.
    Heading,
    /// Prose.
    Body,
}

/// Metadata detected from an article's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// Words of content (headings and prose), not counting title, byline, URL, boilerplate.
    pub word_count: usize,
    /// The first words of the content, to name an article that has no title.
    pub lead: String,
}

/// Lines scraped from web pages that are never content.
const BOILERPLATE: &[&str] = &["recommended videos", "advertisement", "share this article"];

/// Headings are short; prose is longer than this many words.
const MAX_HEADING_WORDS: usize = 14;

/// How many words name an untitled article.
const LEAD_WORDS: usize = 12;

/// Trims ordinary and no-break spaces (the seeds end many lines with U+00A0), a
/// carriage return (CRLF files) and a byte-order mark (a file saved "with BOM").
pub fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}')
}

/// Whether a line is an item of a list ("- ", "* ", "• ", "1. ") or a question
/// or answer ("Q:", "A:"): content, however short, never a heading.
fn is_item(line: &str) -> bool {
    let marker = ["- ", "* ", "• ", "– ", "Q:", "A:", "Q.", "A."]
        .iter()
        .any(|m| line.starts_with(m));
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0
        && matches!(
            line.as_bytes().get(digits..digits + 2),
            Some(b". ") | Some(b") ")
        );
    marker || numbered
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

fn looks_like_heading(line: &str) -> bool {
    let ends_sentence = line.ends_with(['.', '!', ',', ';', ':']);
    !ends_sentence && !is_item(line) && words(line).count() <= MAX_HEADING_WORDS
}

fn parse_byline(line: &str) -> Option<(String, Option<String>)> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))?;
    if words(rest).count() > 8 {
        return None;
    }
    match rest.split_once(',') {
        Some((name, publisher)) => Some((
            trim_line(name).to_string(),
            Some(trim_line(publisher).to_string()).filter(|p| !p.is_empty()),
        )),
        None => Some((trim_line(rest).to_string(), None)),
    }
}

fn parse_source_url(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("Source:")?;
    let url = trim_line(rest);
    (url.starts_with("http://") || url.starts_with("https://")).then_some(url)
}

/// Classifies every line of `text` (split on `\n`; a trailing `\r` is ignored).
pub fn classify_lines(text: &str) -> Vec<LineKind> {
    let mut kinds = Vec::new();
    let mut title: Option<&str> = None;
    let mut seen_content = false;
    for raw in text.split('\n') {
        let line = trim_line(raw);
        let kind = if line.is_empty() {
            LineKind::Blank
        } else if BOILERPLATE.contains(&line.to_lowercase().as_str()) {
            LineKind::Boilerplate
        } else if parse_source_url(line).is_some() {
            LineKind::SourceUrl
        } else if !seen_content && title.is_none() && looks_like_heading(line) {
            title = Some(line);
            LineKind::Title
        } else if !seen_content && title == Some(line) {
            LineKind::RepeatedTitle
        } else if !seen_content && parse_byline(line).is_some() {
            LineKind::Byline
        } else {
            seen_content = true;
            if looks_like_heading(line) {
                LineKind::Heading
            } else {
                LineKind::Body
            }
        };
        kinds.push(kind);
    }
    kinds
}

/// Detects title, byline, publisher, URL, word count and lead of an article.
pub fn detect(text: &str) -> ArticleMeta {
    let mut meta = ArticleMeta::default();
    let mut lead: Vec<&str> = Vec::new();
    for (raw, kind) in text.split('\n').zip(classify_lines(text)) {
        let line = trim_line(raw);
        match kind {
            LineKind::Title => meta.title = Some(line.to_string()),
            LineKind::Byline => {
                if let Some((name, publisher)) = parse_byline(line) {
                    meta.byline = Some(name);
                    meta.publisher = publisher;
                }
            }
            LineKind::SourceUrl => meta.url = parse_source_url(line).map(str::to_string),
            LineKind::Heading | LineKind::Body => {
                meta.word_count += words(line).count();
                if lead.len() < LEAD_WORDS && kind == LineKind::Body {
                    lead.extend(words(line).take(LEAD_WORDS - lead.len()));
                }
            }
            LineKind::Blank | LineKind::RepeatedTitle | LineKind::Boilerplate => {}
        }
    }
    meta.lead = lead.join(" ");
    meta
}

/// The byte ranges of the lines a reader shows (headings and prose), trimmed.
pub fn blocks(text: &str) -> Vec<(crate::claimbase::kinds::BlockKind, usize, usize)> {
    use crate::claimbase::kinds::BlockKind;
    let mut out = Vec::new();
    let mut offset = 0;
    for (raw, kind) in text.split('\n').zip(classify_lines(text)) {
        let line = trim_line(raw);
        let block_kind = match kind {
            LineKind::Heading => Some(BlockKind::Heading),
            LineKind::Body => Some(BlockKind::Paragraph),
            _ => None,
        };
        if let Some(block_kind) = block_kind {
            // `line` is a subslice of `raw`: its offset within the text is exact.
            let start = offset + (line.as_ptr() as usize - raw.as_ptr() as usize);
            out.push((block_kind, start, start + line.len()));
        }
        offset += raw.len() + 1;
    }
    out
}
