//! Quote matching that forgives typography: whitespace runs (including U+00A0)
//! become one space, curly quotes become straight, en/em dashes become `-`.
//! Positions map back to the original text so a quote can be highlighted there.

/// Text in normalised form, with the original byte offset of each normalised byte.
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the byte offset in the original of normalised byte `i`;
    /// one extra entry holds the original length.
    origin: Vec<usize>,
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        other => other,
    }
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

/// Normalises `original`; a leading or trailing space run is dropped.
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len() + 1);
    let mut pending_space: Option<usize> = None;
    for (offset, c) in original.char_indices() {
        if is_space(c) {
            pending_space.get_or_insert(offset);
            continue;
        }
        if let Some(space_at) = pending_space.take() {
            if !text.is_empty() {
                text.push(' ');
                origin.push(space_at);
            }
        }
        let folded = fold(c);
        for _ in 0..folded.len_utf8() {
            origin.push(offset);
        }
        text.push(folded);
    }
    origin.push(original.len());
    Normalized { text, origin }
}

impl Normalized {
    /// The original byte range of normalised range `start..end`.
    pub fn original_range(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        let from = self.origin.get(start).copied().unwrap_or(original.len());
        // The end is just past the last normalised byte's original character.
        let to = match end.checked_sub(1).and_then(|last| self.origin.get(last)) {
            Some(&last_start) => original[last_start..]
                .chars()
                .next()
                .map_or(original.len(), |c| last_start + c.len_utf8()),
            None => from,
        };
        (from, to)
    }
}

/// Finds `quote` in `original` (both normalised); returns the original byte range.
pub fn find_quote(original: &str, quote: &str) -> Option<(usize, usize)> {
    normalize(original).find(original, quote)
}

impl Normalized {
    /// Finds `quote` in this normalised form of `original`, so an article with
    /// many quotes is normalised once.
    pub fn find(&self, original: &str, quote: &str) -> Option<(usize, usize)> {
        let needle = normalize(quote).text;
        if needle.is_empty() {
            return None;
        }
        let start = self.text.find(&needle)?;
        Some(self.original_range(start, start + needle.len(), original))
    }
}

/// The sentence of `original` most like `quote`: the one containing the most of
/// its words (the shorter on a tie). For error messages.
pub fn closest_passage(original: &str, quote: &str) -> Option<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let words = |s: &str| -> Vec<String> { s.unicode_words().map(str::to_lowercase).collect() };
    let wanted = words(&normalize(quote).text);
    // Sentences never span lines: a title has no full stop to end it.
    let lines: Vec<String> = original
        .split('\n')
        .map(|line| normalize(line).text)
        .collect();
    let (best, score) = lines
        .iter()
        .flat_map(|line| line.split_sentence_bounds())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|sentence| {
            let have = words(sentence);
            let score = wanted.iter().filter(|w| have.contains(w)).count();
            (sentence, score)
        })
        .max_by_key(|&(sentence, score)| (score, std::cmp::Reverse(sentence.len())))?;
    (score > 0).then(|| best.to_string())
}
