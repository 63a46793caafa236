//! Native tests of the claim base compiler: parsing, validation (every error
//! kind, each with its `path:line`), normalisation and extraction.
#![cfg(not(target_arch = "wasm32"))]

use massage_explainer::claimbase::compile::normalize::{closest_passage, find_quote, normalize};
use massage_explainer::claimbase::compile::{self, extract, SeedError, SeedFile, SeedFiles};
use massage_explainer::claimbase::kinds::{
    Certainty, Design, Evidence, Population, Status, Tier, Verdict,
};
use massage_explainer::claimbase::model::Cite;
use massage_explainer::query::studies;

const ARTICLE: &str = "A small article\n\nMassage can help to relax the muscles\u{a0} in the back. It\u{2019}s said to improve circulation \u{2014} a lot.\n\nSource: https://example.org/a\n";

const META: &str = r#"title = "Test"
reviewed = "2026-11-22"
written_by = "The editors"
independence = "Hosts cannot edit it."

[about]
published = "2026-12-03"
next_review = "2027-06-03"
method = "We write it from the research."
funding = "No one pays for it."
updates = "We check it every 6 months."
searched = [{ text = "The trial ran in 2010.", cites = ["trial-x"] }]
"#;

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
  [[study.discrepancy]]
  source = "000_a"
  text = "The article says more than the trial found."
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
tier = "same-day"
text = "Back pain with fever needs a doctor."
basis = "Public health guidance"

[[safety]]
id = "red-flag-lasting"
kind = "red-flag"
tier = "routine"
text = "Back pain that is not better after a few weeks needs a doctor."
basis = "Public health guidance"

[[region]]
id = "uk"
name = "United Kingdom"
emergency = "999"
urgent = "111"
"#;

const GUIDELINES: &str = r#"
[[guideline]]
id = "g-x"
name = "A guideline (2020)"
short = "AC"
issuer = "A college"
title = "Back pain"
citation = "A college. Back pain. 2020."
year = 2020
url = "https://example.org/g"
  [[guideline.recommendation]]
  populations = ["chronic"]
  text = "Massage may be offered."
  strength = "conditional"
  certainty = "very-low"
"#;

const OPTIONS: &str = r#"
decision = "Should I try massage?"
condition = { text = "Back pain often gets better." }
not_improving = "red-flag-lasting"
guidelines = ["g-x"]
course = [{ text = "The trial gave 10 weekly sessions.", cites = ["trial-x"] }]

[[option]]
id = "massage"
name = "Massage"
what = "A therapist rubs your back."
given_by = { text = "A massage therapist.", cites = ["trial-x"] }
sessions = { text = "10 weekly sessions in the trial.", cites = ["trial-x"] }
by_yourself = { unknown = "No checked source says." }
cost = { text = "Ask the price." }
  [[option.pain]]
  duration = "recent"
  helps = { unknown = "No trial in recent pain." }
  lasts = { unknown = "No trial in recent pain." }
  harms = { unknown = "No trial in recent pain." }
    [[option.pain.guideline]]
    guideline = "g-x"
    says = { text = "It covers only long-lasting pain.", cites = ["g-x"] }
  [[option.pain]]
  duration = "long-lasting"
  helps = { text = "It may help a little for 10 weeks.", certainty = "low", cites = ["trial-x"] }
  lasts = { text = "Up to a year, a little.", cites = ["trial-x"] }
  harms = { text = "None serious were seen.", cites = ["trial-x"] }
    [[option.pain.guideline]]
    guideline = "g-x"
    says = { text = "May be offered.", cites = ["g-x"] }

[[matter]]
id = "hands-on"
label = "Care from someone's hands"
fits = ["massage"]
"#;

const BOTTOM_LINE: &str = r#"
summary = "It may help a little."

[[sentence]]
id = "helps"
question = "helps"
text = "It helped a little in a trial."
cites = ["trial-x"]

[[sentence]]
id = "guided"
question = "guidelines"
text = "A guideline says it may be offered."
cites = ["g-x"]

[[sentence]]
id = "muscles"
question = "how-sure"
text = "How it works is not measured."
cites = ["relaxes-muscles"]
"#;

const FIGURES: &str = r#"
[[figure]]
sentence = "helps"
kind = "scale"
title = "Pain after the trial"
says = "Pain was about 30 out of 100 with it and 40 without."
certainty = "low"
cites = ["trial-x"]
  [[figure.group]]
  label = "With it"
  value = 30
  [[figure.group]]
  label = "Without"
  value = 40
"#;

const REPORT_CARDS: &str = r#"
[[verdict]]
source = "000_a"
text = "A small article that says little."

[[criterion]]
id = "names-sources"
name = "Names its sources"
question = "Does it say where its information comes from?"
satisfactory = "It names the studies behind its claims."
origin = ["DISCERN 4"]

[[criterion]]
id = "harms-mentioned"
name = "Mentions harms"
question = "Does it mention any harm?"
satisfactory = "It says what can go wrong."
origin = ["HealthNewsReview 3"]
computed = "harms-mentioned"

[[rating]]
source = "000_a"
criterion = "names-sources"
verdict = "not-satisfactory"
reason = "It names no study."
  [[rating.quote]]
  quote = "It's said to improve circulation"
"#;

fn files() -> SeedFiles {
    SeedFiles {
        articles: vec![SeedFile::new("seeds/articles/000_a.txt", ARTICLE)],
        meta: SeedFile::new("seeds/claimbase.toml", META),
        ontology: SeedFile::new("seeds/ontology.toml", ONTOLOGY),
        claims: SeedFile::new("seeds/claims.toml", CLAIMS),
        studies: SeedFile::new("seeds/studies.toml", STUDIES),
        safety: SeedFile::new("seeds/safety.toml", SAFETY),
        guidelines: SeedFile::new("seeds/guidelines.toml", GUIDELINES),
        options: SeedFile::new("seeds/options.toml", OPTIONS),
        bottom_line: SeedFile::new("seeds/bottom-line.toml", BOTTOM_LINE),
        figures: SeedFile::new("seeds/figures.toml", FIGURES),
        report_cards: SeedFile::new("seeds/report-cards.toml", REPORT_CARDS),
        drafts: Vec::new(),
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

// ---------------------------------------------------------------- the short answer, guidelines, triage

#[test]
fn the_fixture_compiles_the_bottom_line_guidelines_and_regions() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    assert_eq!(base.written_by, "The editors");
    assert_eq!(base.bottom_line.points.len(), 3);
    assert_eq!(
        base.bottom_line.points[0].cites,
        &[Cite::Study(base.study_by_id("trial-x").expect("a study"))]
    );
    assert_eq!(
        base.bottom_line.points[1].cites,
        &[Cite::Guideline(
            base.guideline_by_id("g-x").expect("a guideline")
        )]
    );
    assert_eq!(
        base.bottom_line.points[2].cites,
        &[Cite::Claim(
            base.claim_by_id("relaxes-muscles").expect("a claim")
        )]
    );
    assert_eq!(
        base.guidelines[0].recommendations[0].certainty,
        Certainty::VeryLow
    );
    assert_eq!(base.safety[0].tier, Some(Tier::SameDay));
    assert_eq!(base.regions[0].urgent, Some("111"));
}

#[test]
fn a_bottom_line_sentence_that_cites_nothing_is_an_error() {
    let errors = errors_with(|f| replace(&mut f.bottom_line, "cites = [\"g-x\"]\n", ""));
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:11:",
        "bottom-line sentence `guided` cites nothing",
    );
}

#[test]
fn a_figure_is_drawn_under_its_sentence() {
    let base = compile::compile(&files())
        .map(|c| c.base)
        .expect("the fixture compiles");
    let figures = base.bottom_line.points[0].figures;
    assert_eq!(figures.len(), 1);
    // Drawn, with a text alternative that names its values.
    let svg = figures[0].svg;
    assert!(
        svg.starts_with("<svg") && svg.contains("role=\"img\""),
        "{svg}"
    );
    assert!(
        svg.contains("With it: 30 out of 100; Without: 40 out of 100."),
        "{svg}"
    );
}

#[test]
fn a_figure_under_an_unknown_sentence_or_with_a_bad_value_is_an_error_at_its_line() {
    let errors = errors_with(|f| {
        replace(
            &mut f.figures,
            "sentence = \"helps\"",
            "sentence = \"hepls\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/figures.toml:3:",
        "no sentence `hepls` in bottom-line.toml",
    );
    let errors = errors_with(|f| replace(&mut f.figures, "value = 40", "value = 140"));
    assert_one_error(
        &errors,
        "seeds/figures.toml:12:",
        "`value = 140` must be between 0 and 100",
    );
    let errors = errors_with(|f| replace(&mut f.figures, "value = 30", "value = 30.25"));
    assert_one_error(&errors, "seeds/figures.toml:9:", "with at most one decimal");
    let errors = errors_with(|f| replace(&mut f.figures, "kind = \"scale\"", "kind = \"range\""));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("a `range` figure has 2 groups")),
        "{errors:?}"
    );
}

#[test]
fn a_bottom_line_sentence_that_cites_an_unknown_record_is_an_error() {
    let errors =
        errors_with(|f| replace(&mut f.bottom_line, "cites = [\"g-x\"]", "cites = [\"g-y\"]"));
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:14:",
        "unknown study, guideline or claim `g-y`",
    );
}

#[test]
fn a_bottom_line_sentence_may_not_cite_a_term() {
    let errors = errors_with(|f| {
        replace(
            &mut f.bottom_line,
            "cites = [\"g-x\"]",
            "cites = [\"pain\"]",
        )
    });
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:14:",
        "`pain` is an outcome, not a study, guideline or claim",
    );
}

#[test]
fn a_short_answer_is_short() {
    let long = ["word"; 31].join(" ");
    let errors = errors_with(|f| {
        replace(
            &mut f.bottom_line,
            "question = \"guidelines\"\n",
            &format!("question = \"guidelines\"\nshort = \"{long}\"\n"),
        )
    });
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:11:",
        "`short` has 31 words; a short answer has at most 30",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.bottom_line,
            "question = \"guidelines\"\n",
            "question = \"guidelines\"\nshort = \" \"\n",
        )
    });
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:11:",
        "`short` must not be empty",
    );
}

#[test]
fn a_bottom_line_needs_three_to_six_sentences() {
    let errors = errors_with(|f| {
        replace(
            &mut f.bottom_line,
            "[[sentence]]\nid = \"muscles\"",
            "[[not]]\nid = \"muscles\"",
        )
    });
    // The TOML now has an unknown table: that is the error, with its line.
    assert_one_error(&errors, "seeds/bottom-line.toml:16:", "unknown field `not`");
    let errors = errors_with(|f| {
        let two = BOTTOM_LINE
            .split("[[sentence]]\nid = \"muscles\"")
            .next()
            .unwrap_or_default();
        set(&mut f.bottom_line, two);
    });
    assert_one_error(
        &errors,
        "seeds/bottom-line.toml:2:",
        "the bottom line has 2 sentences; it needs 3 to 6",
    );
}

#[test]
fn a_guideline_without_strength_or_certainty_is_an_error() {
    let errors = errors_with(|f| replace(&mut f.guidelines, "  strength = \"conditional\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/guidelines.toml:",
        "missing field `strength`",
    );
    let errors = errors_with(|f| replace(&mut f.guidelines, "  certainty = \"very-low\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/guidelines.toml:",
        "missing field `certainty`",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.guidelines,
            "certainty = \"very-low\"",
            "certainty = \"sure\"",
        )
    });
    assert_one_error(&errors, "seeds/guidelines.toml:15:", "sure");
}

#[test]
fn a_guideline_needs_a_doi_or_url_and_a_recommendation() {
    let errors =
        errors_with(|f| replace(&mut f.guidelines, "url = \"https://example.org/g\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/guidelines.toml:3:",
        "guideline `g-x` needs a `doi` or a `url`",
    );
    let errors = errors_with(|f| {
        let without = GUIDELINES
            .split("  [[guideline.recommendation]]")
            .next()
            .unwrap_or_default();
        set(&mut f.guidelines, without);
    });
    assert_one_error(
        &errors,
        "seeds/guidelines.toml:3:",
        "needs a [[guideline.recommendation]]",
    );
}

#[test]
fn a_red_flag_needs_an_urgency_tier_and_only_red_flags_have_one() {
    let errors = errors_with(|f| replace(&mut f.safety, "tier = \"same-day\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/safety.toml:3:",
        "red flag `red-flag-fever` needs a `tier`",
    );
    let errors =
        errors_with(|f| replace(&mut f.safety, "kind = \"red-flag\"", "kind = \"self-care\""));
    assert_one_error(&errors, "seeds/safety.toml:3:", "only red flags have one");
    let errors =
        errors_with(|f| replace(&mut f.safety, "tier = \"same-day\"", "tier = \"whenever\""));
    assert_one_error(&errors, "seeds/safety.toml:5:", "whenever");
}

#[test]
fn a_region_needs_numbers_to_dial() {
    let errors = errors_with(|f| {
        replace(
            &mut f.safety,
            "emergency = \"999\"",
            "emergency = \"call 999\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/safety.toml:17:",
        "`emergency` must be a number to dial",
    );
}

#[test]
fn an_added_study_has_a_publication_and_no_mention() {
    let errors = errors_with(|f| {
        replace(
            &mut f.studies,
            "status = \"identified\"",
            "status = \"added\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/studies.toml:3:",
        "is `added` (no article mentions it) but has [[study.mention]]",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.studies,
            "status = \"identified\"",
            "status = \"added\"",
        );
        replace(
            &mut f.studies,
            "  [[study.mention]]\n  source = \"000_a\"\n  quote = \"improve circulation\"\n",
            "",
        );
        replace(&mut f.studies, "[study.identified]", "[study.closest]");
        replace(&mut f.studies, "  source = \"000_a\"\n  text", "  text");
    });
    assert_one_error(
        &errors,
        "seeds/studies.toml:3:",
        "study `trial-x` is `added` but has no [study.identified]",
    );
}

#[test]
fn a_discrepancy_about_an_article_needs_that_article_to_mention_the_study() {
    let mut f = files();
    f.articles.push(SeedFile::new(
        "seeds/articles/001_b.txt",
        "Another article\n\nNothing about trials here.\n",
    ));
    replace(&mut f.studies, "quality = \"One trial.\"", "quality = \"One trial.\"\n  [[study.discrepancy]]\n  source = \"001_b\"\n  text = \"It says otherwise.\"");
    let errors: Vec<String> = match compile::compile(&f) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(SeedError::to_string).collect(),
    };
    assert_one_error(
        &errors,
        "seeds/studies.toml:12:",
        "`001_b` does not mention study `trial-x`",
    );
}

// ---------------------------------------------------------------- report cards

#[test]
fn the_fixture_compiles_a_report_card() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    assert_eq!(base.criteria.len(), 2);
    let card = &base.report_cards[0];
    assert_eq!(card.ratings.len(), 1, "the computed criterion is not rated");
    assert_eq!(card.ratings[0].verdict, Verdict::NotSatisfactory);
    assert_eq!(
        base.passage_text(&card.ratings[0].quotes[0]),
        "It\u{2019}s said to improve circulation"
    );
}

#[test]
fn a_missing_rating_is_an_error_at_the_articles_verdict() {
    let errors = errors_with(|f| {
        let without = REPORT_CARDS.split("[[rating]]").next().unwrap_or_default();
        set(&mut f.report_cards, without);
    });
    assert_one_error(
        &errors,
        "seeds/report-cards.toml:3:",
        "the report card of `000_a` has no rating for `names-sources`",
    );
}

#[test]
fn a_rating_of_an_unknown_criterion_or_article_is_an_error() {
    let errors = errors_with(|f| {
        replace(
            &mut f.report_cards,
            "criterion = \"names-sources\"",
            "criterion = \"names-source\"",
        )
    });
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("seeds/report-cards.toml:23: unknown criterion `names-source`")),
        "{errors:#?}"
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.report_cards,
            "source = \"000_a\"\ncriterion",
            "source = \"999_z\"\ncriterion",
        )
    });
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("seeds/report-cards.toml:22: unknown source `999_z`")),
        "{errors:#?}"
    );
}

#[test]
fn a_rating_quote_must_be_in_the_rated_article() {
    let errors = errors_with(|f| {
        replace(
            &mut f.report_cards,
            "quote = \"It's said to improve circulation\"",
            "quote = \"It's said to cure everything\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/report-cards.toml:27:",
        "quote not found in 000_a",
    );
}

#[test]
fn a_rating_needs_a_reason_and_a_computed_criterion_takes_none() {
    let errors =
        errors_with(|f| replace(&mut f.report_cards, "reason = \"It names no study.\"\n", ""));
    assert_one_error(&errors, "seeds/report-cards.toml:23:", "needs a `reason`");
    let errors = errors_with(|f| {
        let mut text = REPORT_CARDS.to_string();
        text.push_str("\n[[rating]]\nsource = \"000_a\"\ncriterion = \"harms-mentioned\"\nverdict = \"satisfactory\"\nreason = \"x\"\n");
        set(&mut f.report_cards, text);
    });
    assert_one_error(
        &errors,
        "seeds/report-cards.toml:",
        "`harms-mentioned` is computed from the claim base: it takes no rating",
    );
}

// ---------------------------------------------------------------- what no curator has reviewed

const TRIAL_REPORT: &str = "A new trial of massage for chronic back pain\n\nIn a randomised trial published in the Journal of Manual Therapy in 2021, 120 adults with chronic low back pain were randomly assigned to weekly massage or usual care. Those who had massage reported less pain after eight weeks.\n\nMassage may also improve circulation in the back.\n";

const QUESTIONS: &str = "Massage questions answered\n\nQ: Does massage help back pain?\nA: A review of studies found that massage eased back pain for a short time.\n";

fn with_new_articles() -> SeedFiles {
    let mut f = files();
    f.articles
        .push(SeedFile::new("seeds/articles/100_trial.txt", TRIAL_REPORT));
    f.articles
        .push(SeedFile::new("seeds/articles/101_questions.txt", QUESTIONS));
    f
}

#[test]
fn a_new_article_reporting_a_trial_gives_an_unreviewed_study_with_its_details() {
    let compiled = compile::compile(&with_new_articles()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    let found: Vec<_> = base
        .studies
        .iter()
        .filter(|s| s.status == Status::Unreviewed)
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    let trial = found[0];
    assert_eq!(trial.id, "unreviewed-100-trial-1");
    assert_eq!(trial.design, Design::Rct);
    assert_eq!(trial.populations, &[Population::Chronic]);
    assert_eq!(
        trial.comparators,
        &[base.term_by_id("usual-care").expect("a term")]
    );
    let detected = trial.detected.as_ref().expect("details");
    assert_eq!(detected.participants, Some("120 adults"));
    assert_eq!(detected.journal, Some("Journal of Manual Therapy"));
    assert_eq!(detected.year, Some(2021));
    assert_eq!(trial.mentions.len(), 1, "the sentence that reports it");
    assert!(base
        .passage_text(&trial.mentions[0])
        .starts_with("In a randomised trial"));
    let review = found[1];
    assert_eq!(
        review.id, "unreviewed-101-questions-1",
        "numbered within its article"
    );
    assert_eq!(review.design, Design::Review);
    assert!(base
        .passage_text(&review.mentions[0])
        .starts_with("A: A review of studies"));
    // The searchable study index has them too.
    assert!(studies::study_index(base).words.contains(&"manual"));
}

#[test]
fn an_unreviewed_sentence_that_mentions_a_term_goes_with_the_term() {
    let compiled = compile::compile(&with_new_articles()).unwrap_or_else(|e| panic!("{e:?}"));
    let base = &compiled.base;
    let blood = base.term_by_id("blood-flow").expect("a term");
    let said: Vec<&str> = base
        .unreviewed
        .iter()
        .filter(|u| u.terms.contains(&blood))
        .map(|u| base.passage_text(&u.passage))
        .collect();
    assert_eq!(said, ["Massage may also improve circulation in the back."]);
}

#[test]
fn a_draft_of_a_new_article_builds_as_it_is_and_takes_its_sentences_out_of_unreviewed() {
    use massage_explainer::claimbase::compile::draft;
    let files = with_new_articles();
    let compiled = compile::compile(&files).unwrap_or_else(|e| panic!("{e:?}"));
    let text = draft::draft(&compiled, "100_trial").expect("an article");
    assert!(text.contains("evidence = \"unreviewed\""), "{text}");
    assert!(text.contains("draft = true"));
    assert!(text.contains("[[study]]") && text.contains("120 adults"));
    let mut with_draft = files.clone();
    with_draft
        .drafts
        .push(SeedFile::new("seeds/drafts/100_trial.toml", text));
    let again = compile::compile(&with_draft).unwrap_or_else(|e| panic!("{e:?}"));
    let drafted: Vec<&str> = again
        .base
        .claims
        .iter()
        .filter(|c| c.evidence == Evidence::Unreviewed)
        .map(|c| c.text)
        .collect();
    assert!(
        drafted.contains(&"Massage may also improve circulation in the back."),
        "{drafted:?}"
    );
    assert!(
        drafted.iter().all(|t| TRIAL_REPORT.contains(t)),
        "each drafted from a sentence"
    );
    let from_trial = again.base.source_by_id("100_trial");
    assert!(again
        .base
        .unreviewed
        .iter()
        .all(|u| Some(u.passage.source) != from_trial));
    let found = again
        .base
        .studies
        .iter()
        .filter(|s| s.status == Status::Unreviewed);
    assert_eq!(
        found.count(),
        1,
        "the drafted study replaces the trial found; the Q&A's review stays"
    );
}

#[test]
fn unreviewed_evidence_is_only_for_a_draft_and_only_the_build_finds_unreviewed_studies() {
    let errors = errors_with(|f| {
        replace(
            &mut f.claims,
            "evidence = \"asserted\"",
            "evidence = \"unreviewed\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/claims.toml:14:",
        "`unreviewed` is only for a draft",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.studies,
            "status = \"identified\"",
            "status = \"unreviewed\"",
        )
    });
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("seeds/studies.toml:3:")
                && e.contains("for studies the build finds")),
        "{errors:#?}"
    );
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

#[test]
fn the_options_grid_compiles_in_pain_duration_order_with_its_unknowns() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let options = &compiled.base.options;
    assert_eq!(options.choices.len(), 1);
    let massage = &options.choices[0];
    let durations: Vec<&str> = massage.outlooks.iter().map(|o| o.duration.slug()).collect();
    assert_eq!(durations, ["recent", "long-lasting"]);
    assert!(!massage.by_yourself.known);
    assert_eq!(massage.by_yourself.text, "No checked source says.");
    assert!(massage.outlooks[1].helps.known);
    assert_eq!(massage.outlooks[1].guidelines.len(), 1);
    assert_eq!(options.course.len(), 1);
    assert!(options.course[0].known);
}

#[test]
fn an_option_missing_a_field_of_the_grid_fails_at_its_line() {
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "  lasts = { text = \"Up to a year, a little.\", cites = [\"trial-x\"] }\n",
            "",
        )
    });
    assert_one_error(&errors, "seeds/options.toml:24:", "missing field `lasts`");
}

#[test]
fn an_option_without_a_pain_duration_fails() {
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "duration = \"recent\"",
            "duration = \"long-lasting\"",
        )
    });
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("seeds/options.toml:9:") && e.contains("duration = \"recent\"")),
        "{errors:#?}"
    );
}

#[test]
fn a_figure_without_a_record_and_an_empty_cell_fail() {
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "cost = { text = \"Ask the price.\" }",
            "cost = { text = \"About 60 a session.\" }",
        )
    });
    assert_one_error(
        &errors,
        "seeds/options.toml:15:",
        "gives a figure but cites nothing",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "cost = { text = \"Ask the price.\" }",
            "cost = {}",
        )
    });
    assert_one_error(&errors, "seeds/options.toml:15:", "`cost` is empty");
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "by_yourself = { unknown = \"No checked source says.\" }",
            "by_yourself = { unknown = \"x\", cites = [\"trial-x\"] }",
        )
    });
    assert_one_error(&errors, "seeds/options.toml:14:", "takes only the reason");
}

#[test]
fn a_grid_guideline_column_out_of_place_or_an_unknown_cite_fails() {
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "guideline = \"g-x\"\n    says = { text = \"May",
            "guideline = \"trial-x\"\n    says = { text = \"May",
        )
    });
    assert_one_error(&errors, "seeds/options.toml:25:", "need exactly [g-x]");
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "cites = [\"g-x\"] }\n  [[option.pain]]",
            "cites = [\"nowhere\"] }\n  [[option.pain]]",
        )
    });
    assert_one_error(
        &errors,
        "seeds/options.toml:",
        "unknown study or guideline `nowhere`",
    );
}

#[test]
fn what_matters_marks_the_options_it_names_and_fails_on_an_unknown_one() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let matters = compiled.base.options.matters;
    assert_eq!(matters.len(), 1);
    assert_eq!(matters[0].label, "Care from someone's hands");
    assert_eq!(
        matters[0]
            .fits
            .iter()
            .map(|o| o.index())
            .collect::<Vec<_>>(),
        [0]
    );
    let errors =
        errors_with(|f| replace(&mut f.options, "fits = [\"massage\"]", "fits = [\"reiki\"]"));
    assert_one_error(&errors, "seeds/options.toml:36:", "unknown option `reiki`");
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "fits = [\"massage\"]",
            "fits = [\"trial-x\"]",
        )
    });
    assert_one_error(
        &errors,
        "seeds/options.toml:36:",
        "`trial-x` is a study, not an option",
    );
    let errors = errors_with(|f| replace(&mut f.options, "fits = [\"massage\"]", "fits = []"));
    assert_one_error(&errors, "seeds/options.toml:34:", "fits no option");
}

#[test]
fn who_stands_behind_it_needs_dates_in_order_and_cited_figures() {
    let compiled = compile::compile(&files()).unwrap_or_else(|e| panic!("{e:?}"));
    let about = &compiled.base.about;
    assert_eq!(
        (about.published, about.next_review),
        ("2026-12-03", "2027-06-03")
    );
    assert_eq!(about.searched.len(), 1);
    let errors = errors_with(|f| {
        replace(
            &mut f.meta,
            "next_review = \"2027-06-03\"",
            "next_review = \"2026-01-01\"",
        )
    });
    assert_one_error(
        &errors,
        "seeds/claimbase.toml:8:",
        "must come after `about.published`",
    );
    let errors = errors_with(|f| replace(&mut f.meta, ", cites = [\"trial-x\"]", ""));
    assert_one_error(
        &errors,
        "seeds/claimbase.toml:12:",
        "gives a figure but cites nothing",
    );
    let errors = errors_with(|f| replace(&mut f.meta, "funding = \"No one pays for it.\"\n", ""));
    assert_one_error(
        &errors,
        "seeds/claimbase.toml:6:",
        "missing field `funding`",
    );
}

#[test]
fn the_condition_and_search_dates_must_be_known() {
    let errors = errors_with(|f| {
        replace(
            &mut f.options,
            "condition = { text = \"Back pain often gets better.\" }",
            "condition = { unknown = \"not checked\" }",
        )
    });
    assert_one_error(
        &errors,
        "seeds/options.toml:3:",
        "`condition` says what is known",
    );
    let errors = errors_with(|f| {
        replace(
            &mut f.meta,
            "searched = [{ text = \"The trial ran in 2010.\", cites = [\"trial-x\"] }]",
            "searched = [{ unknown = \"not checked\" }]",
        )
    });
    assert_one_error(
        &errors,
        "seeds/claimbase.toml:12:",
        "`searched` says what is known",
    );
}
