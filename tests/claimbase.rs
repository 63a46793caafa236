//! Native tests of the claim base compiler: parsing, validation (every error
//! kind, each with its `path:line`), normalisation and extraction.
#![cfg(not(target_arch = "wasm32"))]

use massage_explainer::claimbase::compile::normalize::{closest_passage, find_quote, normalize};
use massage_explainer::claimbase::compile::{self, extract, SeedError, SeedFile, SeedFiles};
use massage_explainer::claimbase::kinds::{Evidence, Status};

const ARTICLE: &str = "A small article\n\nMassage can help to relax the muscles\u{a0} in the back. It\u{2019}s said to improve circulation \u{2014} a lot.\n\nSource: https://example.org/a\n";

const META: &str = "title = \"Test\"\nreviewed = \"2026-11-22\"\n";

const ONTOLOGY: &str = r#"
[[mechanism]]
id = "muscle-tension"
name = "Muscle tension"
summary = "Tight muscles."
synonyms = ["relax the muscles"]

[[mechanism]]
id = "blood-flow"
name = "Blood flow"
summary = "Blood moving through tissue."
synonyms = ["circulation"]

[[comparator]]
id = "usual-care"
name = "Usual care"
summary = "Whatever care people already get."

[[outcome]]
id = "pain"
name = "Pain"
summary = "How much it hurts."
"#;

const CLAIMS: &str = r#"
[[claim]]
id = "relaxes-muscles"
kind = "mechanism"
about = ["muscle-tension"]
text = "Massage relaxes back muscles."
evidence = "rationale"
evidence_note = "Plausible; not measured in trials."
  [[claim.support]]
  source = "000_a"
  quote = "Massage can help to relax the muscles in the back"

[[claim]]
id = "improves-circulation"
kind = "mechanism"
about = ["blood-flow"]
text = "Massage improves circulation."
evidence = "asserted"
evidence_note = "No study cited."
studies = ["trial-x"]
  [[claim.support]]
  source = "000_a"
  quote = "It's said to improve circulation - a lot."

[[disagreement]]
id = "muscles-vs-blood"
topic = "Which matters?"
claims = ["relaxes-muscles", "improves-circulation"]
note = "They stress different things."
"#;

const STUDIES: &str = r#"
[[study]]
id = "trial-x"
label = "A trial"
design = "rct"
populations = ["chronic"]
comparators = ["usual-care"]
outcomes = ["pain"]
status = "identified"
quality = "One trial."
discrepancies = ["The article says more than the trial found."]
  [study.identified]
  citation = "Doe J. Journal 2020;1:1-2."
  authors = "Doe J"
  title = "A trial"
  journal = "Journal"
  year = 2020
  doi = "10.1000/x"
  participants = 100
  duration = "10 weeks"
  result = "Less pain at 10 weeks."
  [[study.mention]]
  source = "000_a"
  quote = "improve circulation"
"#;

const SAFETY: &str = r#"
[[safety]]
id = "red-flag-fever"
kind = "red-flag"
text = "Back pain with fever needs a doctor."
basis = "Public health guidance"
"#;

fn files() -> SeedFiles {
    SeedFiles {
        articles: vec![SeedFile::new("seeds/articles/000_a.txt", ARTICLE)],
        meta: SeedFile::new("seeds/claimbase.toml", META),
        ontology: SeedFile::new("seeds/ontology.toml", ONTOLOGY),
        claims: SeedFile::new("seeds/claims.toml", CLAIMS),
        studies: SeedFile::new("seeds/studies.toml", STUDIES),
        safety: SeedFile::new("seeds/safety.toml", SAFETY),
    }
}

/// Compiles with one file's text replaced; returns the errors as `path:line: message`.
fn errors_with(edit: impl FnOnce(&mut SeedFiles)) -> Vec<String> {
    let mut f = files();
    edit(&mut f);
    match compile::compile(&f) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(SeedError::to_string).collect(),
    }
}

fn replace(file: &mut SeedFile, from: &str, to: &str) {
    let text = String::from_utf8(file.bytes().to_vec()).unwrap_or_default();
    assert!(text.contains(from), "fixture has `{from}`");
    set(file, text.replacen(from, to, 1).into_bytes());
}

fn set(file: &mut SeedFile, bytes: impl Into<Vec<u8>>) {
    *file = SeedFile::new(file.path(), bytes);
}

fn assert_one_error(errors: &[String], expected_prefix: &str, expected_part: &str) {
    assert_eq!(
        errors.len(),
        1,
        "exactly one error expected, got {errors:#?}"
    );
    assert!(
        errors[0].starts_with(expected_prefix),
        "`{}` should start with `{expected_prefix}`",
        errors[0]
    );
    assert!(
        errors[0].contains(expected_part),
        "`{}` should mention `{expected_part}`",
        errors[0]
    );
}

#[test]
fn the_fixture_compiles_with_derived_fields() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    assert_eq!(base.reviewed, "2026-11-22");
    assert_eq!(base.claims.len(), 2);
    let relax = &base.claims[0];
    assert_eq!(relax.evidence, Evidence::Rationale);
    assert_eq!(relax.source_count, 1);
    assert_eq!(
        relax.disagreements,
        &[base.disagreements_indexed().next().expect("one").0]
    );
    assert_eq!(
        relax.about,
        &[base.term_by_id("muscle-tension").expect("a term")]
    );
    // The quote is located in the original text, U+00A0 and all.
    assert_eq!(
        base.passage_text(&relax.supports[0]),
        "Massage can help to relax the muscles\u{a0} in the back"
    );
    assert_eq!(
        base.passage_text(&base.claims[1].supports[0]),
        "It\u{2019}s said to improve circulation \u{2014} a lot."
    );
    assert_eq!(base.studies[0].status, Status::Identified);
    assert_eq!(
        base.studies[0].comparators,
        &[base.term_by_id("usual-care").expect("a term")]
    );
    assert_eq!(
        base.claims[1].studies,
        &[base.study_by_id("trial-x").expect("a study")]
    );
    assert_eq!(base.sources[0].url, Some("https://example.org/a"));
}

#[test]
fn malformed_toml_names_its_line() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "kind = \"mechanism\"\nabout",
            "kind = \"mechanism\nabout",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("seeds/claims.toml:4:"), "{errors:?}");
}

#[test]
fn a_missing_required_field_is_named() {
    let errors =
        errors_with(|f| replace(&mut f.claims, "evidence_note = \"No study cited.\"\n", ""));
    assert_one_error(&errors, "seeds/claims.toml:", "evidence_note");
}

#[test]
fn an_unknown_enum_value_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "evidence = \"asserted\"",
            "evidence = \"proven\"",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:18:", "proven");
}

#[test]
fn an_unknown_field_is_an_error() {
    let errors = errors_with(|f| replace(&mut f.safety, "basis =", "basiss ="));
    assert_one_error(&errors, "seeds/safety.toml:", "basiss");
}

#[test]
fn a_duplicate_id_points_at_both_places() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "id = \"improves-circulation\"",
            "id = \"relaxes-muscles\"",
        )
    });
    // The duplicate, plus the disagreement/other references now resolve oddly: only the duplicate matters here.
    assert!(
        errors.iter().any(|e| e.starts_with("seeds/claims.toml:14: duplicate id `relaxes-muscles` (first defined at seeds/claims.toml:3)")),
        "{errors:#?}"
    );
}

#[test]
fn an_id_shared_across_files_is_a_duplicate() {
    let errors =
        errors_with(|f| replace(&mut f.safety, "id = \"red-flag-fever\"", "id = \"pain\""));
    assert_one_error(
        &errors,
        "seeds/safety.toml:3:",
        "duplicate id `pain` (first defined at seeds/ontology.toml:",
    );
}

#[test]
fn an_invalid_id_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.safety,
            "id = \"red-flag-fever\"",
            "id = \"Red Flag\"",
        )
    });
    assert_one_error(&errors, "seeds/safety.toml:3:", "not a valid id");
}

#[test]
fn an_unknown_term_reference_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "about = [\"blood-flow\"]",
            "about = [\"blod-flow\"]",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:16:", "unknown term `blod-flow`");
}

#[test]
fn a_reference_of_the_wrong_kind_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.studies,
            "comparators = [\"usual-care\"]",
            "comparators = [\"blood-flow\"]",
        )
    });
    assert_one_error(
        &errors,
        "seeds/studies.toml:7:",
        "`blood-flow` is a mechanism, not a comparator",
    );
}

#[test]
fn an_unknown_study_reference_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "studies = [\"trial-x\"]",
            "studies = [\"trial-y\"]",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:20:", "unknown study `trial-y`");
}

#[test]
fn an_unknown_claim_in_a_disagreement_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "claims = [\"relaxes-muscles\", \"improves-circulation\"]",
            "claims = [\"relaxes-muscles\", \"nope\"]",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:28:", "unknown claim `nope`");
}

#[test]
fn an_unknown_source_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "source = \"000_a\"\n  quote = \"Massage",
            "source = \"001_b\"\n  quote = \"Massage",
        )
    });
    assert_one_error(
        &errors,
        "seeds/claims.toml:10:",
        "unknown source `001_b` (sources: 000_a)",
    );
}

#[test]
fn a_quote_not_in_its_source_shows_the_closest_passage() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "relax the muscles in the back\"",
            "relax all the muscles in the back\"",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:11:", "quote not found in 000_a");
    assert!(
        errors[0]
            .contains("closest passage is \"Massage can help to relax the muscles in the back.\""),
        "{}",
        errors[0]
    );
}

#[test]
fn a_claim_with_no_support_is_an_error() {
    let errors = errors_with(|f| {
        replace(&mut f.claims, "  [[claim.support]]\n  source = \"000_a\"\n  quote = \"Massage can help to relax the muscles in the back\"\n", "")
    });
    assert_one_error(
        &errors,
        "seeds/claims.toml:3:",
        "claim `relaxes-muscles` has no support",
    );
}

#[test]
fn an_empty_required_text_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "text = \"Massage relaxes back muscles.\"",
            "text = \"  \"",
        )
    });
    assert_one_error(&errors, "seeds/claims.toml:3:", "`text` must not be empty");
}

#[test]
fn an_identified_study_needs_its_publication() {
    let errors = errors_with(|f| replace(&mut f.studies, "[study.identified]", "[study.closest]"));
    assert_one_error(&errors, "seeds/studies.toml:3:", "no [study.identified]");
}

#[test]
fn a_safety_item_needs_support_or_basis() {
    let errors =
        errors_with(|f| replace(&mut f.safety, "basis = \"Public health guidance\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/safety.toml:3:",
        "needs an article [[safety.support]] or a `basis`",
    );
}

#[test]
fn a_bad_review_date_is_an_error() {
    let errors = errors_with(|f| replace(&mut f.meta, "2026-11-22", "22/11/2026"));
    assert_one_error(&errors, "seeds/claimbase.toml:2:", "YYYY-MM-DD");
}

#[test]
fn an_empty_article_is_an_error() {
    let errors = errors_with(|f| set(&mut f.articles[0], " \n\u{a0}\n"));
    // The article's quotes can't be checked either; the article error comes first.
    assert_eq!(
        errors.first().map(String::as_str),
        Some("seeds/articles/000_a.txt:1: the article is empty")
    );
}

#[test]
fn a_non_utf8_article_names_the_line() {
    let errors = errors_with(|f| {
        set(
            &mut f.articles[0],
            b"Title\n\nGood line.\nBad \xff byte.\n".to_vec(),
        )
    });
    assert_eq!(
        errors.first().map(String::as_str),
        Some("seeds/articles/000_a.txt:4: the article is not UTF-8 (invalid byte at offset 22)")
    );
}

#[test]
fn a_non_utf8_seed_file_is_an_error() {
    let errors = errors_with(|f| set(&mut f.safety, b"[[safety]]\nid = \"\xfe\"\n".to_vec()));
    assert_one_error(&errors, "seeds/safety.toml:2:", "not UTF-8");
}

#[test]
fn all_errors_are_reported_together() {
    let errors = errors_with(|f| {
        replace(&mut f.claims, "about = [\"blood-flow\"]", "about = [\"x\"]");
        replace(
            &mut f.studies,
            "outcomes = [\"pain\"]",
            "outcomes = [\"y\"]",
        );
    });
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn normalisation_folds_spaces_quotes_and_dashes() {
    assert_eq!(
        normalize(" a\u{a0}\u{a0}b\n\tc \u{2018}d\u{2019} \u{201c}e\u{201d} f\u{2013}g\u{2014}h ")
            .text,
        "a b c 'd' \"e\" f-g-h"
    );
    let text = "It\u{2019}s  fine \u{2014} really.";
    let (start, end) = find_quote(text, "It's fine - really").unwrap_or_default();
    assert_eq!(&text[start..end], "It\u{2019}s  fine \u{2014} really");
    assert_eq!(
        find_quote(text, "its fine"),
        None,
        "case and letters still matter"
    );
    assert_eq!(find_quote(text, "  "), None);
    assert_eq!(
        closest_passage("One two. Three four five. Six", "three for").as_deref(),
        Some("Three four five.")
    );
}

#[test]
fn extraction_tags_sentences_with_terms_by_name_and_synonym() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    let tagged: Vec<(&str, Vec<&str>)> = compiled
        .notes
        .sentences
        .iter()
        .map(|s| {
            let text = &base.sources[0].text[s.start as usize..s.end as usize];
            (text, s.terms.iter().map(|&t| base.term(t).id).collect())
        })
        .collect();
    assert_eq!(
        tagged,
        [
            (
                "Massage can help to relax the muscles\u{a0} in the back.",
                vec!["muscle-tension"]
            ),
            (
                "It\u{2019}s said to improve circulation \u{2014} a lot.",
                vec!["blood-flow"]
            ),
        ]
    );
    assert!(
        extract::mentions("reduces muscle spasms here", "muscle spasm"),
        "plural"
    );
    assert!(
        !extract::mentions("stressful", "stress"),
        "whole words only"
    );
    assert!(extract::mentions("(stress)", "stress"));
}

#[test]
fn uncovered_sentences_are_those_with_terms_and_no_quote() {
    let mut f = files();
    replace(
        &mut f.articles[0],
        "a lot.\n",
        "a lot. Circulation matters too.\n",
    );
    let compiled = compile::compile(&f).unwrap_or_else(|e| panic!("{e:?}"));
    let uncovered: Vec<&str> = compiled
        .uncovered_sentences()
        .iter()
        .map(|s| &compiled.base.sources[0].text[s.start as usize..s.end as usize])
        .collect();
    assert_eq!(uncovered, ["Circulation matters too."]);
}

#[test]
fn a_new_article_builds_without_other_edits_and_is_tagged() {
    let mut f = files();
    f.articles.push(SeedFile::new(
        "seeds/articles/001_new.txt",
        "A new article\n\nDeep tissue work may improve circulation.\n",
    ));
    let compiled = compile::compile(&f).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    assert_eq!(base.sources.len(), 2);
    assert_eq!(base.sources[1].title, Some("A new article"));
    let new = base.source_by_id("001_new");
    let tagged: Vec<&str> = compiled
        .notes
        .sentences
        .iter()
        .filter(|s| Some(s.source) == new)
        .flat_map(|s| s.terms.iter().map(|&t| base.term(t).id))
        .collect();
    assert_eq!(tagged, ["blood-flow"]);
    assert_eq!(
        compiled.uncovered_sentences().len(),
        1,
        "the coverage report lists it"
    );
}
