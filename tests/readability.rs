//! Plain words, measured: the Flesch-Kincaid grade of what readers see on the
//! Short answer and Safety (at most grade 7) and on the options grid and the
//! explanations (at most grade 8), over the bundled claim base. Run with
//! `cargo test --test readability -- --nocapture` to print each figure.
//! Also: no sentence of the Short answer runs over 25 words, and no research
//! word (`JARGON`) reaches a patient without its plain words beside it.
//! (`make bench` measures the prerendered pages too: tests/e2e/reading-level.mjs.)
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
    texts.extend(base.bottom_line.points.iter().filter_map(|p| p.short));
    // The pictures' words are read with it.
    let figures = base.bottom_line.points.iter().flat_map(|p| p.figures);
    texts.extend(figures.flat_map(|f| [f.title, f.says]));
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

// ---------------------------------------------------------------- sentences

/// The sentences of a text: split after `.`, `!` or `?` followed by a space
/// (so "1.5%" and "e.g." inside a word stay whole), or at its end.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|&(_, n)| n.is_whitespace()) {
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[test]
fn sentences_split_at_full_stops_only() {
    assert_eq!(
        sentences("Pain fell by 1.5 points. Did it help? Yes"),
        ["Pain fell by 1.5 points.", "Did it help?", "Yes"]
    );
    assert_eq!(counts("It fell from 52 to 23 out of 100.").0, 9);
}

#[test]
fn no_sentence_of_the_short_answer_exceeds_25_words() {
    const MOST: usize = 25;
    let base = claimbase::get();
    let mut texts = vec![("summary".to_string(), base.bottom_line.summary)];
    texts.extend(
        base.bottom_line
            .points
            .iter()
            .map(|p| (format!("point {}", p.id), p.text)),
    );
    let long: Vec<String> = texts
        .iter()
        .flat_map(|(field, text)| sentences(text).into_iter().map(move |s| (field, s)))
        .filter_map(|(field, s)| {
            let words = counts(s).0;
            (words > MOST).then(|| format!("  {field} ({words} words): {s}"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "sentences of the Short answer longer than {MOST} words (seeds/bottom-line.toml):\n{}",
        long.join("\n")
    );
}

// ---------------------------------------------------------------- jargon

/// A research word a patient may not know, and the plain words that must
/// stand beside it wherever a patient reads it: one of `explained_by` in the
/// same text (our convention: the plain words first, the term after them in
/// brackets, or the term followed by its explanation). Better still, the
/// plain words alone.
struct Jargon {
    /// The forms it takes; an all-capital form (an abbreviation, "GRADE")
    /// matches only in capitals, the others in any case. Whole words only.
    forms: &'static [&'static str],
    explained_by: &'static [&'static str],
}

/// One line a term: a table, kept as written.
#[rustfmt::skip]
const JARGON: &[Jargon] = &[
    Jargon { forms: &["sham"], explained_by: &["pretend treatment"] },
    Jargon { forms: &["placebo", "placebos"], explained_by: &["pretend treatment", "dummy"] },
    Jargon { forms: &["inactive control", "inactive controls"], explained_by: &["no treatment or a pretend treatment"] },
    Jargon { forms: &["attention control"], explained_by: &["same time and attention"] },
    Jargon { forms: &["usual care"], explained_by: &["care people would get anyway", "care they would get anyway", "their usual doctor"] },
    Jargon { forms: &["control group", "control groups", "comparator", "comparators"], explained_by: &["did not get", "did not have", "for comparison"] },
    Jargon { forms: &["controlled study", "controlled studies", "controlled trial", "controlled trials"], explained_by: &["compared with", "compared it with", "comparison group"] },
    Jargon { forms: &["acute"], explained_by: &["under 4 weeks", "less than 4 weeks", "within the last 4 weeks"] },
    Jargon { forms: &["subacute", "sub-acute"], explained_by: &["4 to 12 weeks"] },
    Jargon { forms: &["chronic"], explained_by: &["more than 12 weeks", "over 12 weeks", "more than 3 months", "more than about three months", "more than three months"] },
    Jargon { forms: &["nonspecific", "non-specific"], explained_by: &["no one clear cause", "without one clear", "no clear cause"] },
    Jargon { forms: &["systematic review", "systematic reviews"], explained_by: &["brings together", "brought together", "gathers"] },
    Jargon { forms: &["meta-analysis", "meta-analyses", "pooled"], explained_by: &["combined the results", "combines the results", "put together"] },
    Jargon { forms: &["Cochrane"], explained_by: &["large review", "reviews of research"] },
    Jargon { forms: &["SMD", "standardised mean difference", "standardized mean difference"], explained_by: &["how big a difference is"] },
    Jargon { forms: &["effect size", "effect sizes"], explained_by: &["how big a difference is", "size of the difference"] },
    Jargon { forms: &["MCID", "minimal clinically important difference", "clinically important", "clinically significant"], explained_by: &["big enough to matter", "enough to notice"] },
    Jargon { forms: &["statistically significant", "significant difference", "p-value"], explained_by: &["unlikely to be chance", "not down to chance"] },
    Jargon { forms: &["confidence interval", "confidence intervals", "CI"], explained_by: &["likely range", "could be as little as"] },
    Jargon { forms: &["odds ratio", "relative risk", "risk ratio", "NNT", "number needed to treat"], explained_by: &["in 100"] },
    Jargon { forms: &["heterogeneity", "heterogeneous"], explained_by: &["differed from trial to trial"] },
    Jargon { forms: &["bias", "risk of bias"], explained_by: &["tilt", "skew"] },
    Jargon { forms: &["GRADE"], explained_by: &["how sure", "how much confidence"] },
    Jargon { forms: &["efficacy", "effectiveness"], explained_by: &["how well", "whether it works"] },
    Jargon { forms: &["adverse event", "adverse events", "adverse effect", "adverse effects"], explained_by: &["side effect", "harm"] },
    Jargon { forms: &["contraindication", "contraindications", "contraindicated"], explained_by: &["should not", "avoid"] },
    Jargon { forms: &["randomised", "randomized", "randomisation", "randomization", "RCT", "RCTs"], explained_by: &["by chance", "like tossing a coin"] },
    Jargon { forms: &["cohort", "cohorts", "prospective"], explained_by: &["followed", "following"] },
    Jargon { forms: &["case report", "case reports", "case series"], explained_by: &["single patients", "a single patient", "one patient"] },
    Jargon { forms: &["sciatica"], explained_by: &["down the leg", "down your leg", "into the leg"] },
    Jargon { forms: &["prognosis"], explained_by: &["usually goes", "usually happens"] },
    Jargon { forms: &["Roland", "RDQ", "Roland-Morris", "Oswestry", "ODI"], explained_by: &["daily activities", "everyday activities"] },
    Jargon { forms: &["disability"], explained_by: &["daily activities", "daily tasks", "everyday activities"] },
    Jargon { forms: &["function", "functioning", "functional"], explained_by: &["daily activities", "daily tasks", "everyday activities"] },
    Jargon { forms: &["first-line"], explained_by: &["first to try", "try first"] },
    Jargon { forms: &["conventional"], explained_by: &["usual", "standard"] },
    Jargon { forms: &["intervention", "interventions"], explained_by: &["treatment"] },
    Jargon { forms: &["modality", "modalities"], explained_by: &["kind of treatment"] },
];

/// Whether `form` occurs in `text` as whole words: case-insensitively, or
/// exactly for an all-capital form.
fn mentions(text: &str, form: &str) -> bool {
    let exact = form.chars().any(|c| c.is_alphabetic()) && !form.chars().any(|c| c.is_lowercase());
    let (haystack, needle) = if exact {
        (text.to_string(), form.to_string())
    } else {
        (text.to_lowercase(), form.to_lowercase())
    };
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    haystack.match_indices(&needle).any(|(i, m)| {
        !word(haystack[..i].chars().next_back()) && !word(haystack[i + m.len()..].chars().next())
    })
}

/// The jargon `text` uses without its plain words: (form, explanations).
fn unexplained(text: &str) -> Vec<(&'static str, &'static [&'static str])> {
    let lower = text.to_lowercase();
    JARGON
        .iter()
        .filter(|j| {
            !j.explained_by
                .iter()
                .any(|e| lower.contains(&e.to_lowercase()))
        })
        .filter_map(|j| {
            j.forms
                .iter()
                .find(|f| mentions(text, f))
                .map(|f| (*f, j.explained_by))
        })
        .collect()
}

/// Each value of a vocabulary with its label.
fn label_each<T: Copy + std::fmt::Debug>(
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<(String, &'static str)> {
    all.iter().map(|&v| (format!("{v:?}"), label(v))).collect()
}

/// The short answer's fields: its summary, its sentences and their pictures'
/// titles, words and text alternatives.
fn short_answer_texts() -> Vec<(String, &'static str)> {
    let base = claimbase::get();
    let mut out = vec![(
        "bottom-line.toml: summary".to_string(),
        base.bottom_line.summary,
    )];
    for p in base.bottom_line.points {
        out.push((format!("bottom-line.toml: sentence {}", p.id), p.text));
        if let Some(short) = p.short {
            out.push((format!("bottom-line.toml: sentence {} short", p.id), short));
        }
        for f in p.figures {
            out.push((format!("figures.toml: {} title", p.id), f.title));
            out.push((format!("figures.toml: {} says", p.id), f.says));
            let alt = f
                .svg
                .split("aria-label=\"")
                .nth(1)
                .and_then(|r| r.split('"').next());
            out.extend(alt.map(|alt| (format!("figures.toml: {} picture", p.id), alt)));
        }
    }
    out
}

/// Every field a patient reads, named for the failure message: the Short
/// answer, Safety, our summaries of terms, the options grid and the labels
/// of evidence, certainty and the like. (The researcher's detail, the map,
/// the studies' designs and the report cards, may use research words.)
fn patient_texts() -> Vec<(String, &'static str)> {
    use massage_explainer::claimbase::kinds::{
        Certainty, Evidence, PainDuration, Population, Question, SafetyKind, Strength, Tier,
    };
    let base = claimbase::get();
    let mut out = short_answer_texts();
    let mut push = |field: String, text: &'static str| out.push((field, text));
    for item in base.safety {
        push(format!("safety.toml: {} text", item.id), item.text);
        if let Some(detail) = item.detail {
            push(format!("safety.toml: {} detail", item.id), detail);
        }
    }
    for term in base.terms {
        push(format!("ontology.toml: {} summary", term.id), term.summary);
    }
    // The guidelines, on the Short answer: our wording and notes (their own
    // words, `wording`, are quotes and stay as they are).
    for guideline in base.guidelines {
        for (i, rec) in guideline.recommendations.iter().enumerate() {
            let at = format!("guidelines.toml: {} recommendation {}", guideline.id, i + 1);
            push(format!("{at} text"), rec.text);
            if let Some(note) = rec.note {
                push(format!("{at} note"), note);
            }
        }
    }
    let options = &base.options;
    push("options.toml: decision".into(), options.decision);
    push("options.toml: condition".into(), options.condition.text);
    for (i, fact) in options.course.iter().enumerate() {
        push(format!("options.toml: course {}", i + 1), fact.text);
    }
    for matter in options.matters {
        push(format!("options.toml: matter {}", matter.id), matter.label);
    }
    for choice in options.choices {
        let id = choice.id;
        push(format!("options.toml: {id} name"), choice.name);
        push(format!("options.toml: {id} what"), choice.what);
        push(format!("options.toml: {id} given_by"), choice.given_by.text);
        push(format!("options.toml: {id} sessions"), choice.sessions.text);
        push(
            format!("options.toml: {id} by_yourself"),
            choice.by_yourself.text,
        );
        push(format!("options.toml: {id} cost"), choice.cost.text);
        for outlook in choice.outlooks {
            let at = format!("options.toml: {id} {}", outlook.duration.slug());
            push(format!("{at} helps"), outlook.helps.text);
            push(format!("{at} lasts"), outlook.lasts.text);
            push(format!("{at} harms"), outlook.harms.text);
            for (guideline, says) in options.guidelines.iter().zip(outlook.guidelines) {
                let short = base.guideline(*guideline).short;
                push(format!("{at} {short} says"), says.text);
            }
        }
    }
    for e in Evidence::ALL {
        push(format!("kinds.rs: Evidence::{e:?} label"), e.label());
        push(format!("kinds.rs: Evidence::{e:?} meaning"), e.meaning());
    }
    // The labels readers see beside them.
    let mut labels = |kind: &str, labels: Vec<(String, &'static str)>| {
        for (value, label) in labels {
            push(format!("kinds.rs: {kind}::{value} label"), label);
        }
    };
    labels("Certainty", label_each(Certainty::ALL, Certainty::label));
    labels("Strength", label_each(Strength::ALL, Strength::label));
    labels("Population", label_each(Population::ALL, Population::label));
    labels(
        "PainDuration",
        label_each(PainDuration::ALL, PainDuration::label),
    );
    labels("Question", label_each(Question::ALL, Question::label));
    labels("SafetyKind", label_each(SafetyKind::ALL, SafetyKind::label));
    labels("Tier", label_each(Tier::ALL, Tier::label));
    out
}

#[test]
fn jargon_is_found_and_its_explanation_accepted() {
    assert!(mentions("A sham massage.", "sham"));
    assert!(!mentions("Shampoo.", "sham"));
    assert!(!mentions("Subacute pain.", "acute"));
    assert!(mentions("The GRADE rating.", "GRADE"));
    assert!(!mentions("A reading grade.", "GRADE"));
    assert_eq!(unexplained("Massage or a sham massage.").len(), 1);
    assert!(unexplained("Massage or a pretend treatment (sham).").is_empty());
    assert!(unexplained("Massage or a pretend treatment.").is_empty());
}

#[test]
fn research_words_a_patient_reads_come_with_plain_words() {
    let failures: Vec<String> = patient_texts()
        .into_iter()
        .flat_map(|(field, text)| {
            unexplained(text).into_iter().map(move |(form, plain)| {
                format!("  {field}: \"{form}\" without any of {plain:?}\n    in: {text}")
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} research words without their plain words (replace them, or explain them in the same text):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
