//! Search folding, shared by the build (which indexes the studies) and the app
//! (which folds what the reader types and highlights matches): words are runs of
//! letters and digits, compared lower-cased and without diacritics, so "Schröder",
//! "SCHRODER" and "schroder" are the same word.
//!
//! The diacritic table covers Latin-1 and Latin Extended-A (the accents of
//! Western and Central European languages) plus combining marks; Greek and
//! Cyrillic capitals fold to lower case too. Nothing else is folded: other
//! scripts are compared as written. No Unicode tables are used (not even the
//! standard library's case and alphabet tables): they would cost the wasm
//! about 7 KB, more than the articles use.

/// Base letters for U+00C0..=U+017F; `.` keeps the character (Æ, ×, ß, Œ ...).
const LATIN_BASE: &[u8; 192] = b"aaaaaa.ceeeeiiiidnooooo.ouuuuy..\
aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllllllln\
nnnnnnnnoooooo..rrrrrrsssssssstttttt\
uuuuuuuuuuuuwwyyyzzzzzzs";

/// The folded form of one character: `None` drops it (a combining mark).
pub fn fold_char(c: char) -> Option<char> {
    let code = c as u32;
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if (0x300..=0x36f).contains(&code) {
        return None;
    }
    if let Some(&base) = code
        .checked_sub(0xc0)
        .and_then(|i| LATIN_BASE.get(i as usize))
    {
        if base != b'.' {
            return Some(char::from(base));
        }
    }
    let lower = match code {
        // Greek capitals (not U+03A2, which is unassigned) and Cyrillic capitals.
        0x391..=0x3a9 if code != 0x3a2 => code + 0x20,
        0x410..=0x42f => code + 0x20,
        0x400..=0x40f => code + 0x50,
        _ => code,
    };
    Some(char::from_u32(lower).unwrap_or(c))
}

/// Whether `c` belongs to a word: ASCII letters and digits, combining marks (they
/// continue one), and any other character from U+00C0 up that is not
/// punctuation, a symbol or a space (Latin-1's signs, general punctuation,
/// arrows and symbols, CJK punctuation, full-width forms' signs).
pub fn is_word_char(c: char) -> bool {
    let code = c as u32;
    match code {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x80..=0xbf | 0xd7 | 0xf7 => false,
        0x2000..=0x2bff | 0x3000..=0x303f | 0xfe30..=0xfe4f | 0xff00..=0xff0f => false,
        0xfff0..=0xffff => false,
        _ => true,
    }
}

/// A word of a text: its byte range in the original and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    for (offset, c) in text.char_indices() {
        if is_word_char(c) {
            let word = current.get_or_insert_with(|| Word {
                start: offset,
                end: offset,
                folded: String::new(),
            });
            word.end = offset + c.len_utf8();
            word.folded.extend(fold_char(c));
        } else if let Some(word) = current.take() {
            out.push(word);
        }
    }
    out.extend(current);
    out.retain(|w| !w.folded.is_empty());
    out
}

/// How many words of a search count: a search is a few words, and the rest of
/// a pasted page (or a huge `q=` in a URL) is ignored, so matching stays fast
/// and its per-word counters (`u16`) never wrap.
pub const MAX_QUERY_WORDS: usize = 32;

/// The folded words of what a reader typed, without duplicates, at most
/// `MAX_QUERY_WORDS`.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(query) {
        if out.len() == MAX_QUERY_WORDS {
            break;
        }
        if !out.contains(&word.folded) {
            out.push(word.folded);
        }
    }
    out
}

/// Whether `text` has a word to search for (`query_words` would not be empty),
/// without folding it.
pub fn has_words(text: &str) -> bool {
    text.chars()
        .any(|c| is_word_char(c) && fold_char(c).is_some())
}

/// Byte ranges of `text` whose words start with one of `query` (folded words),
/// for `<mark>` highlighting. Only the matched prefix is marked.
pub fn match_ranges(text: &str, query: &[String]) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    words(text)
        .into_iter()
        .filter_map(|word| {
            let longest = query
                .iter()
                .filter(|q| word.folded.starts_with(q.as_str()))
                .map(|q| q.chars().count())
                .max()?;
            // Walk the original word until `longest` folded characters are covered.
            let mut folded_seen = 0;
            let mut end = word.start;
            for (offset, c) in text.get(word.start..word.end)?.char_indices() {
                if folded_seen >= longest {
                    break;
                }
                folded_seen += usize::from(fold_char(c).is_some());
                end = word.start + offset + c.len_utf8();
            }
            Some((word.start, end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        let folded: Vec<String> = words("Schröder, MASSAGE; naïve café Łódź")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(folded, ["schroder", "massage", "naive", "cafe", "lodz"]);
    }

    #[test]
    fn combining_marks_are_dropped_and_stay_in_the_word() {
        let w = words("cafe\u{301} x");
        assert_eq!(w[0].folded, "cafe");
        assert_eq!((w[0].start, w[0].end), (0, 6));
    }

    #[test]
    fn the_latin_table_is_aligned() {
        assert_eq!(fold_char('À'), Some('a'));
        assert_eq!(fold_char('ÿ'), Some('y'));
        assert_eq!(fold_char('Ā'), Some('a'));
        assert_eq!(fold_char('Ž'), Some('z'));
        assert_eq!(fold_char('ſ'), Some('s'));
        assert_eq!(fold_char('ß'), Some('ß'));
        assert_eq!(fold_char('Ł'), Some('l'));
        assert_eq!(fold_char('Ő'), Some('o'));
        assert_eq!(fold_char('Ş'), Some('s'));
        assert_eq!(fold_char('Ų'), Some('u'));
        assert_eq!(fold_char('Ÿ'), Some('y'));
        assert_eq!(fold_char('마'), Some('마'));
    }

    #[test]
    fn greek_and_cyrillic_capitals_fold_and_punctuation_splits_words() {
        let folded: Vec<String> = words("ΜΑΣΑΖ «Массаж»—Ёлка, 50×40 é")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(folded, ["μασαζ", "массаж", "ёлка", "50", "40", "e"]);
        assert!(!is_word_char('\u{a0}'), "no-break space");
        assert!(!is_word_char('“'));
        assert!(is_word_char('마'));
    }

    #[test]
    fn a_search_counts_its_first_words_only() {
        let pasted = (0..100)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let words = query_words(&pasted);
        assert_eq!(words.len(), MAX_QUERY_WORDS);
        assert_eq!(words.last().map(String::as_str), Some("w31"));
    }

    #[test]
    fn marks_only_the_matched_prefix() {
        let text = "Massage and MASSEUR, not mass.";
        let ranges = match_ranges(text, &["massa".to_string()]);
        assert_eq!(ranges, [(0, 5)]);
        let ranges = match_ranges("Schröder", &["schro".to_string()]);
        assert_eq!(&"Schröder"[ranges[0].0..ranges[0].1], "Schrö");
    }
}
