//! Plain words, measured: the Flesch-Kincaid grade of what readers see on the
//! Short answer and Safety (at most grade 7) and on the options grid and the
//! explanations (at most grade 8), over the bundled claim base. Run with
//! `cargo test --test readability -- --nocapture` to print each figure.
//!
//! Flesch-Kincaid grade = 0.39 × words per sentence + 11.8 × syllables per word
//! − 15.59. Syllables are counted the usual way for English (groups of vowels,
//! a silent final "e" dropped, at least one a word), as readability tools do;
//! a figure ("25", "1.5%") counts as one word of one syllable.

use massage_explainer::claimbase;

/// Syllables of one word: vowel groups, less a silent final "e", at least one.
fn syllables(word: &str) -> usize {
    let word: Vec<char> = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if word.is_empty() {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &word {
        let is = vowel(c);
        if is && !previous {
            groups += 1;
        }
        previous = is;
    }
    let n = word.len();
    // "-le" after a consonant is a syllable of its own ("ta-ble").
    let consonant_le = word[n.saturating_sub(2)] == 'l' && n > 2 && !vowel(word[n - 3]);
    let silent_e = n > 2 && word[n - 1] == 'e' && !vowel(word[n - 2]) && !consonant_le;
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Words, sentences and syllables of a text.
fn counts(text: &str) -> (usize, usize, usize) {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut sentences = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| n.is_whitespace()) {
            sentences += 1;
        }
    }
    let sentences = sentences.max(1);
    (
        words.len(),
        sentences,
        words.iter().map(|w| syllables(w)).sum(),
    )
}

/// The Flesch-Kincaid grade of texts taken together.
fn grade(texts: &[&str]) -> f64 {
    let (mut words, mut sentences, mut syllables) = (0, 0, 0);
    for text in texts {
        let (w, s, y) = counts(text);
        words += w;
        sentences += s;
        syllables += y;
    }
    let words = words.max(1) as f64;
    0.39 * words / sentences as f64 + 11.8 * syllables as f64 / words - 15.59
}

fn check(what: &str, texts: &[&str], at_most: f64) {
    let g = grade(texts);
    println!("{what}: Flesch-Kincaid grade {g:.1} (at most {at_most})");
    assert!(
        g <= at_most,
        "{what} reads at grade {g:.1}; the most is {at_most}"
    );
}

#[test]
fn the_counts_follow_the_usual_rules() {
    assert_eq!(syllables("massage"), 2);
    assert_eq!(syllables("the"), 1);
    assert_eq!(syllables("table"), 2);
    assert_eq!(syllables("uncertain"), 3);
    assert_eq!(syllables("25"), 1);
    assert_eq!(counts("It may help. Ask first: then book."), (7, 2, 7));
    // A decimal point does not end a sentence.
    assert_eq!(counts("In 1.5% of people."), (4, 1, 5));
    // A text of short words in short sentences reads at a low grade.
    assert!(grade(&["The cat sat. It was fat."]) < 1.0);
}

#[test]
fn the_short_answer_reads_at_grade_7_or_below() {
    let base = claimbase::get();
    let mut texts = vec![base.bottom_line.summary];
    texts.extend(base.bottom_line.points.iter().map(|p| p.text));
    check("Short answer", &texts, 7.0);
}

#[test]
fn safety_reads_at_grade_7_or_below() {
    let base = claimbase::get();
    let mut texts = Vec::new();
    for item in base.safety {
        texts.push(item.text);
        texts.extend(item.detail);
    }
    check("Safety", &texts, 7.0);
}

#[test]
fn the_options_read_at_grade_8_or_below() {
    let options = &claimbase::get().options;
    let mut texts = vec![options.decision, options.condition.text];
    for choice in options.choices {
        texts.extend([choice.what, choice.given_by.text, choice.sessions.text]);
        texts.extend([choice.by_yourself.text, choice.cost.text]);
        for outlook in choice.outlooks {
            texts.extend([outlook.helps.text, outlook.lasts.text, outlook.harms.text]);
            texts.extend(outlook.guidelines.iter().map(|f| f.text));
        }
    }
    for matter in options.matters {
        texts.push(matter.label);
    }
    check("Your options", &texts, 8.0);
}

#[test]
fn who_stands_behind_it_reads_at_grade_8_or_below() {
    let about = &claimbase::get().about;
    let mut texts = vec![about.method, about.funding, about.updates];
    texts.extend(about.searched.iter().map(|f| f.text));
    check("Who stands behind it", &texts, 8.0);
}

#[test]
fn the_explanations_read_at_grade_8_or_below() {
    let base = claimbase::get();
    let terms: Vec<&str> = base.terms.iter().map(|t| t.summary).collect();
    check("How it helps and Techniques (our summaries)", &terms, 8.0);
    let notes: Vec<&str> = base.claims.iter().map(|c| c.evidence_note).collect();
    check("Why each claim has its label", &notes, 8.0);
}
