//! Native tests of the study list's query engine: facets, disjunctive counts,
//! search, sorting, the evidence map and citation export, with property tests
//! against brute-force recounts on a generated claim base.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use massage_explainer::claimbase::compile::{self, synthetic};
use massage_explainer::claimbase::kinds::{Design, Status};
use massage_explainer::claimbase::model::{ClaimBase, Publication, Study, StudyIdx};
use massage_explainer::claimbase::{self as bundled, fold};
use massage_explainer::query::cite;
use massage_explainer::query::studies::{
    self as studies, best_relaxation, run, search, Facet, Relaxation, Sort, StudyQuery, Value,
};
use proptest::prelude::*;

/// The real seeds plus 400 generated studies, compiled once.
fn generated() -> &'static ClaimBase {
    static BASE: OnceLock<&'static ClaimBase> = OnceLock::new();
    BASE.get_or_init(|| {
        let seeds = compile::read_dir(std::path::Path::new("seeds"), "seeds")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let files = synthetic::with_studies(&seeds, 400, 7);
        let compiled = compile::compile(&files).unwrap_or_else(|e| panic!("{e:?}"));
        Box::leak(Box::new(compiled.base))
    })
}

fn query(text: &str, filters: &[(Facet, &str)]) -> StudyQuery {
    let base = bundled::get();
    let mut q = StudyQuery {
        text: text.to_string(),
        ..StudyQuery::default()
    };
    for &(facet, slug) in filters {
        let value = facet
            .value_from_slug(base, slug)
            .unwrap_or_else(|| panic!("no {slug} in {facet:?}"));
        q.toggle(facet, value);
    }
    q
}

fn ids(base: &ClaimBase, studies: &[StudyIdx]) -> Vec<&'static str> {
    studies.iter().map(|&i| base.study(i).id).collect()
}

// ---------------------------------------------------------------- brute force

/// The folded words of a study's searchable text, straight from the text.
fn study_words(base: &ClaimBase, study: &Study) -> Vec<String> {
    studies::study_fields(base.sources, study)
        .flat_map(|(_, t)| fold::words(t))
        .map(|w| w.folded)
        .collect()
}

/// Whether every query word prefixes a word of the study's searchable text
/// (all brute-force checks run on the generated base; its words are read once).
fn brute_search(base: &ClaimBase, study: &Study, text: &str) -> bool {
    static WORDS: OnceLock<HashMap<&'static str, Vec<String>>> = OnceLock::new();
    let wanted = fold::query_words(text);
    if wanted.is_empty() {
        return true;
    }
    let words = WORDS.get_or_init(|| {
        let generated = generated();
        generated
            .studies
            .iter()
            .map(|s| (s.id, study_words(generated, s)))
            .collect()
    });
    let owned;
    let have = match words.get(study.id) {
        Some(have) => have,
        None => {
            owned = study_words(base, study);
            &owned
        }
    };
    wanted
        .iter()
        .all(|q| have.iter().any(|w| w.starts_with(q.as_str())))
}

fn brute_passes(base: &ClaimBase, q: &StudyQuery, study: &Study, except: Option<Facet>) -> bool {
    brute_search(base, study, &q.text)
        && Facet::ALL.iter().filter(|&&f| Some(f) != except).all(|&f| {
            q.selected(f).is_empty()
                || f.study_values(base, study)
                    .iter()
                    .any(|v| q.selected(f).contains(v))
        })
}

// ---------------------------------------------------------------- examples

#[test]
fn no_query_lists_every_study_in_curated_order() {
    let base = bundled::get();
    let results = run(base, &StudyQuery::default());
    assert_eq!(results.studies.len(), base.studies.len());
    assert_eq!(ids(base, &results.studies)[0], "cherkin-2011");
}

#[test]
fn facets_filter_within_or_and_across_and() {
    let base = bundled::get();
    let rct = run(base, &query("", &[(Facet::Design, "rct")]));
    assert_eq!(
        ids(base, &rct.studies),
        [
            "cherkin-2011",
            "cherkin-2001",
            "preyde-2000",
            "day-1987",
            "cherkin-2016"
        ]
    );
    let rct_or_review = run(
        base,
        &query("", &[(Facet::Design, "rct"), (Facet::Design, "review")]),
    );
    let reviews = base
        .studies
        .iter()
        .filter(|s| s.design == Design::Review)
        .count();
    assert_eq!(reviews, 5);
    assert_eq!(rct_or_review.studies.len(), 5 + reviews);
    let rct_and_acupuncture = run(
        base,
        &query(
            "",
            &[(Facet::Design, "rct"), (Facet::Comparator, "acupuncture")],
        ),
    );
    assert_eq!(ids(base, &rct_and_acupuncture.studies), ["cherkin-2001"]);
}

#[test]
fn a_selected_value_keeps_its_place_and_counts_ignore_its_own_facet() {
    let base = bundled::get();
    let q = query("", &[(Facet::Design, "rct")]);
    let results = run(base, &q);
    let design = &results.facets[Facet::Design.index()];
    // The design facet still offers every design that exists (disjunctive).
    assert!(design.len() >= 3, "{design:?}");
    let rct = design
        .iter()
        .find(|v| v.selected)
        .expect("rct stays listed");
    assert_eq!(rct.count, 5);
    // Another facet counts only among the RCTs: two the articles mention, three our review added.
    let status = &results.facets[Facet::Status.index()];
    let counts: Vec<(String, u32)> = status
        .iter()
        .map(|v| (Facet::Status.value_slug(base, v.value).to_string(), v.count))
        .collect();
    assert_eq!(
        counts,
        [("identified".to_string(), 2), ("added".to_string(), 3)]
    );
}

#[test]
fn a_selected_value_with_no_matches_stays_in_its_facet() {
    let base = bundled::get();
    let q = query("cherkin", &[(Facet::Status, "unverified")]);
    let results = run(base, &q);
    assert!(results.studies.is_empty());
    let status = &results.facets[Facet::Status.index()];
    let unverified = status.iter().find(|v| v.selected).expect("still listed");
    assert_eq!(unverified.count, 0);
}

#[test]
fn search_is_case_and_diacritic_insensitive_prefix_matching() {
    let base = bundled::get();
    for text in ["CHERK", "chérkin", "Cherkin  annals", "annals cherkin"] {
        let results = run(base, &query(text, &[]));
        assert!(
            ids(base, &results.studies).contains(&"cherkin-2011"),
            "{text}: {:?}",
            ids(base, &results.studies)
        );
    }
    assert!(run(base, &query("cherkinx", &[])).studies.is_empty());
    // Every word must match somewhere.
    assert!(run(base, &query("cherkin zebra", &[])).studies.is_empty());
    // Punctuation alone is no search.
    assert_eq!(
        run(base, &query(" ,.;", &[])).studies.len(),
        base.studies.len()
    );
}

#[test]
fn relevance_puts_label_matches_before_quote_and_citation_matches() {
    let base = bundled::get();
    let id = |id: &str| base.study_by_id(id).expect("a seeded study").index();
    // "chronic" labels cherkin-2001 and is only in cherkin-2011's quotes.
    let scores = search(base, &fold::query_words("chronic")).expect("a search");
    assert!(base
        .study(base.study_by_id("cherkin-2001").expect("a study"))
        .label
        .contains("chronic"));
    assert!(!base
        .study(base.study_by_id("cherkin-2011").expect("a study"))
        .label
        .contains("chronic"));
    assert!(scores[id("cherkin-2001")] > scores[id("cherkin-2011")]);
    assert!(scores[id("cherkin-2011")] > 0);
    // "Deyo" is only in citations: a match, but the weakest kind.
    let scores = search(base, &fold::query_words("deyo")).expect("a search");
    assert!(scores[id("cherkin-2003")] > 0);
    assert!(
        scores[id("cherkin-2003")]
            < search(base, &fold::query_words("chronic")).expect("a search")[id("cherkin-2011")]
    );
    let results = run(base, &query("chronic", &[]));
    assert_eq!(
        ids(base, &results.studies[..1]),
        ["cherkin-2001"],
        "a label match comes first"
    );
}

#[test]
fn sorts_by_year_participants_and_articles() {
    let base = bundled::get();
    let mut q = StudyQuery {
        sort: Sort::Year,
        ..StudyQuery::default()
    };
    let by_year = ids(base, &run(base, &q).studies);
    assert_eq!(
        &by_year[..3],
        ["wieland-2022", "hayden-2021", "skelly-2020"]
    );
    // No checked year: after every dated study.
    let undated = by_year.iter().position(|&id| id == "davis-sports-massage");
    let last_dated = by_year.iter().rposition(|&id| id == "day-1987");
    assert!(undated > last_dated, "{by_year:?}");
    q.sort = Sort::Participants;
    assert_eq!(
        ids(base, &run(base, &q).studies)[..2],
        ["costa-2012", "rubinstein-2019"]
    );
    q.sort = Sort::Articles;
    let first = run(base, &q).studies[0];
    let most = base
        .studies
        .iter()
        .map(|s| Facet::Source.study_values(base, s).len())
        .max();
    assert_eq!(
        Some(Facet::Source.study_values(base, base.study(first)).len()),
        most
    );
}

#[test]
fn the_evidence_map_counts_comparator_by_population_with_empty_cells() {
    let base = bundled::get();
    let results = run(base, &StudyQuery::default());
    let map = &results.map;
    assert_eq!(map.rows.0, Facet::Comparator);
    assert_eq!(map.cols.0, Facet::Population);
    assert_eq!(map.rows.1.len(), Facet::Comparator.values(base).len());
    let usual = Facet::Comparator
        .value_from_slug(base, "usual-care")
        .expect("usual care");
    let chronic = Facet::Population
        .value_from_slug(base, "chronic")
        .expect("chronic");
    let r = map.rows.1.iter().position(|&v| v == usual).expect("row");
    let c = map.cols.1.iter().position(|&v| v == chronic).expect("col");
    // Cherkin 2011 (which the articles name), and three trials and reviews our review added.
    assert_eq!(map.cells[r][c].count, 4);
    assert_eq!(map.cells[r][c].identified, 1);
    let empty = map.cells.iter().flatten().filter(|c| c.count == 0).count();
    assert!(empty > 0, "the map shows its gaps");
}

#[test]
fn an_empty_result_suggests_the_filter_to_drop() {
    let base = bundled::get();
    let q = query("", &[(Facet::Design, "rct"), (Facet::Population, "acute")]);
    assert!(run(base, &q).studies.is_empty());
    let (relax, n) = best_relaxation(base, &q).expect("a suggestion");
    // Dropping the design leaves the studies in acute pain, more than the RCTs
    // that dropping the population would leave.
    let rct = Facet::Design.value_from_slug(base, "rct");
    assert_eq!(relax, Relaxation::Filter(Facet::Design, rct.unwrap_or(0)));
    let acute = run(base, &query("", &[(Facet::Population, "acute")]));
    let rcts = run(base, &query("", &[(Facet::Design, "rct")]));
    assert_eq!(n, acute.studies.len());
    assert!(
        n > rcts.studies.len(),
        "{n} acute studies, {} RCTs",
        rcts.studies.len()
    );
    assert_eq!(best_relaxation(base, &StudyQuery::default()), None);
}

#[test]
fn highlights_mark_only_matching_prefixes() {
    let words = fold::query_words("mass Schro");
    let text = "Massage by Schröder, not amass.";
    let marked: Vec<&str> = fold::match_ranges(text, &words)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    assert_eq!(marked, ["Mass", "Schrö"]);
}

// ---------------------------------------------------------------- citations

#[test]
fn apa_ris_and_csl_json_for_an_identified_trial() {
    let base = bundled::get();
    let study = base
        .studies
        .iter()
        .find(|s| s.id == "cherkin-2001")
        .expect("seeded");
    let p = study.identified.as_ref().expect("identified");
    let apa = cite::apa(p);
    assert!(
        apa.starts_with("Cherkin, D. C., Eisenberg, D., Sherman, K. J., et al. (2001). Randomized trial comparing"),
        "{apa}"
    );
    assert!(
        apa.ends_with("Archives of Internal Medicine, 161(8), 1081-1088. https://doi.org/10.1001/archinte.161.8.1081"),
        "{apa}"
    );
    let ris = cite::ris(&[study]);
    for line in [
        "TY  - JOUR\r\n",
        "AU  - Cherkin, D. C.\r\n",
        "PY  - 2001\r\n",
        "SP  - 1081\r\n",
        "EP  - 1088\r\n",
        "DO  - 10.1001/archinte.161.8.1081\r\n",
    ] {
        assert!(ris.contains(line), "{line:?} in {ris}");
    }
    assert!(ris.ends_with("ER  - \r\n"));
    let json = cite::csl_json(&[study]);
    assert!(
        json.contains("\"family\": \"Cherkin\", \"given\": \"D. C.\""),
        "{json}"
    );
    assert!(json.contains("\"issued\": {\"date-parts\": [[2001]]}"));
    assert!(json.contains("\"DOI\": \"10.1001/archinte.161.8.1081\""));
}

#[test]
fn unverified_studies_are_not_exported() {
    let base = bundled::get();
    let all: Vec<&Study> = base.studies.iter().collect();
    let citable = cite::citable(all.iter().copied());
    let published = base
        .studies
        .iter()
        .filter(|s| s.status != Status::Unverified)
        .count();
    assert_eq!(citable.len(), published);
    assert_eq!(published, 38);
    assert_eq!(cite::ris(&all).matches("TY  - JOUR").count(), published);
    assert_eq!(cite::csl_json(&all).matches("\"type\"").count(), published);
    // A publication whose year was not checked is cited without one.
    let davis = base.study(base.study_by_id("davis-sports-massage").expect("seeded"));
    let apa = cite::apa(davis.identified.as_ref().expect("published"));
    assert!(apa.contains("(n.d.)"), "{apa}");
}

#[test]
fn json_strings_are_escaped() {
    let (authors, truncated) = cite::authors("O\"Neill AB, Smith, et al.");
    assert!(truncated);
    assert_eq!(authors[0].family, "O\"Neill");
    assert_eq!(authors[1].family, "Smith");
    assert_eq!(authors[1].given, "");
    let study = Study {
        id: "odd-1",
        label: "A \"quoted\" label",
        design: Design::Rct,
        populations: &[],
        comparators: &[],
        outcomes: &[],
        status: Status::Identified,
        quality: "",
        discrepancies: &[],
        findings: &[],
        detected: None,
        identified: Some(Publication {
            citation: "",
            authors: "O\"Neill AB",
            title: "Back\\slash,\nnew line\tand tab\u{1}",
            journal: "J",
            year: Some(2020),
            doi: "",
            url: "",
            volume: "",
            issue: "",
            pages: "",
            participants: None,
            duration: "",
            result: "",
        }),
        closest: None,
        mentions: &[],
    };
    let json = cite::csl_json(&[&study]);
    assert!(
        json.contains(r#""title": "Back\\slash,\nnew line\tand tab\u0001""#),
        "{json}"
    );
    assert!(json.contains(r#""family": "O\"Neill""#), "{json}");
    assert!(
        json.contains(r#""note": "Mentioned in the articles as: A \"quoted\" label""#),
        "{json}"
    );
    // No raw control character survives inside the output's strings.
    assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
    assert_eq!(json.lines().filter(|l| l.contains("new line")).count(), 1);
}

// ---------------------------------------------------------------- properties

const WORDS: [&str; 12] = [
    "mas",
    "swedish",
    "report 1",
    "schro",
    "ŁUKA",
    "garcia",
    "pain",
    "cherkin",
    "chronic",
    "zz",
    "myofascial",
    "so",
];

fn facet_strategy() -> impl Strategy<Value = Facet> {
    prop::sample::select(Facet::ALL.to_vec())
}

/// A random query over the generated base: a search of 0-2 words and 0-5 ticks.
fn query_strategy() -> impl Strategy<Value = StudyQuery> {
    let base = generated();
    let ticks = prop::collection::vec((facet_strategy(), any::<prop::sample::Index>()), 0..5);
    let words = prop::collection::vec(prop::sample::select(WORDS.to_vec()), 0..3);
    let sort = prop::sample::select(Sort::ALL.to_vec());
    (ticks, words, sort).prop_map(move |(ticks, words, sort)| {
        let mut q = StudyQuery {
            text: words.join(" "),
            sort,
            ..StudyQuery::default()
        };
        for (facet, index) in ticks {
            let values = facet.values(base);
            q.toggle(facet, values[index.index(values.len())]);
        }
        q
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn results_equal_a_brute_force_filter(q in query_strategy()) {
        let base = generated();
        let results = run(base, &q);
        let expected: BTreeSet<StudyIdx> = base.studies_indexed()
            .filter(|(_, s)| brute_passes(base, &q, s, None))
            .map(|(i, _)| i)
            .collect();
        let got: BTreeSet<StudyIdx> = results.studies.iter().copied().collect();
        prop_assert_eq!(got.len(), results.studies.len(), "no duplicates");
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn facet_counts_equal_a_brute_force_recount(q in query_strategy()) {
        let base = generated();
        let results = run(base, &q);
        for &facet in Facet::ALL {
            for value in facet.values(base) {
                let expected = base.studies.iter()
                    .filter(|s| brute_passes(base, &q, s, Some(facet)))
                    .filter(|s| facet.study_values(base, s).contains(&value))
                    .count() as u32;
                let shown = results.facets[facet.index()].iter().find(|c| c.value == value);
                match shown {
                    Some(c) => {
                        prop_assert_eq!(c.count, expected, "{:?} {}", facet, value);
                        prop_assert_eq!(c.selected, q.is_selected(facet, value));
                    }
                    None => {
                        prop_assert_eq!(expected, 0, "{:?} {} missing", facet, value);
                        prop_assert!(!q.is_selected(facet, value), "a selected value vanished");
                    }
                }
            }
        }
    }

    #[test]
    fn filters_in_different_facets_intersect_and_commute(
        q in query_strategy(),
        a in (facet_strategy(), any::<prop::sample::Index>()),
        b in (facet_strategy(), any::<prop::sample::Index>()),
    ) {
        let base = generated();
        prop_assume!(a.0 != b.0);
        prop_assume!(q.selected(a.0).is_empty() && q.selected(b.0).is_empty());
        let value = |(f, i): (Facet, prop::sample::Index)| -> (Facet, Value) {
            let values = f.values(base);
            (f, values[i.index(values.len())])
        };
        let (a, b) = (value(a), value(b));
        let with = |ticks: &[(Facet, Value)]| {
            let mut q = q.clone();
            ticks.iter().for_each(|&(f, v)| q.toggle(f, v));
            run(base, &q).studies.into_iter().collect::<BTreeSet<_>>()
        };
        let ab = with(&[a, b]);
        prop_assert_eq!(&ab, &with(&[b, a]));
        let only_a = with(&[a]);
        let only_b = with(&[b]);
        prop_assert_eq!(ab, only_a.intersection(&only_b).copied().collect::<BTreeSet<_>>());
    }

    #[test]
    fn the_sort_order_holds(q in query_strategy()) {
        let base = generated();
        let results = run(base, &q);
        let year = |i: StudyIdx| base.study(i).identified.as_ref().and_then(|p| p.year).unwrap_or(0);
        let size = |i: StudyIdx| base.study(i).identified.as_ref().and_then(|p| p.participants).unwrap_or(0);
        let articles = |i: StudyIdx| Facet::Source.study_values(base, base.study(i)).len();
        let scores = search(base, &fold::query_words(&q.text));
        for pair in results.studies.windows(2) {
            let (x, y) = (pair[0], pair[1]);
            match q.sort {
                Sort::Year => prop_assert!(year(x) >= year(y)),
                Sort::Participants => prop_assert!(size(x) >= size(y)),
                Sort::Articles => prop_assert!(articles(x) >= articles(y)),
                Sort::Relevance => match &scores {
                    Some(s) => prop_assert!(s[x.index()] >= s[y.index()]),
                    None => prop_assert!(x < y),
                },
            }
        }
    }

    #[test]
    fn every_map_cell_counts_its_studies(q in query_strategy(), rows in facet_strategy(), cols in facet_strategy()) {
        prop_assume!(rows != cols);
        let base = generated();
        let mut q = q;
        q.map = (rows, cols);
        let map = run(base, &q).map;
        for (r, &rv) in map.rows.1.iter().enumerate() {
            for (c, &cv) in map.cols.1.iter().enumerate() {
                let expected = base.studies.iter()
                    .filter(|s| brute_search(base, s, &q.text))
                    .filter(|s| Facet::ALL.iter().filter(|&&f| f != rows && f != cols).all(|&f| {
                        q.selected(f).is_empty() || f.study_values(base, s).iter().any(|v| q.selected(f).contains(v))
                    }))
                    .filter(|s| rows.study_values(base, s).contains(&rv) && cols.study_values(base, s).contains(&cv))
                    .count() as u32;
                prop_assert_eq!(map.cells[r][c].count, expected);
            }
        }
    }
}

// ---------------------------------------------------------------- URL codec

mod url {
    use super::*;
    use massage_explainer::app::route::{percent_decode, percent_encode, Route, Shared, View};

    #[test]
    fn a_study_list_state_reads_as_a_short_url() {
        let base = bundled::get();
        let mut q = query(
            "cherkin trial & co",
            &[(Facet::Design, "rct"), (Facet::Comparator, "none")],
        );
        q.sort = Sort::Year;
        let route = Route {
            shared: Shared {
                studies: q,
                ..Shared::default()
            },
            ..Route::view(View::Studies)
        };
        assert_eq!(
            route.encode(base),
            "view=studies&q=cherkin%20trial%20%26%20co&design=rct&comparator=none&sort=year"
        );
        assert_eq!(Route::decode(&route.encode(base), base), Ok(route));
    }

    #[test]
    fn other_views_keep_the_study_query_out_of_the_url() {
        let base = bundled::get();
        let route = Route {
            shared: Shared {
                studies: query("x", &[]),
                ..Shared::default()
            },
            ..Route::view(View::Map)
        };
        assert_eq!(route.encode(base), "view=map");
    }

    #[test]
    fn malformed_study_state_is_refused_with_a_reason() {
        let base = bundled::get();
        for (hash, reason) in [
            ("view=studies&q=%ZZ", "percent-encoded"),
            ("view=studies&q=%E2%82", "percent-encoded"),
            ("view=studies&design=bogus", "unknown design `bogus`"),
            ("view=studies&article=nope", "unknown article `nope`"),
            ("view=studies&sort=random", "unknown sort"),
            ("view=studies&map=design~design", "two different facets"),
            ("view=studies&map=design", "two different facets"),
        ] {
            let err = Route::decode(hash, base).expect_err(hash);
            assert!(err.to_string().contains(reason), "{hash}: {err}");
        }
    }

    proptest! {
        #[test]
        fn percent_encoding_round_trips(text in any::<String>()) {
            let encoded = percent_encode(&text);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(percent_decode(&encoded), Some(text));
        }

        #[test]
        fn the_hash_codec_round_trips(
            q in query_strategy_on_seeds(),
            text in any::<String>(),
            rows in facet_strategy(),
            cols in facet_strategy(),
        ) {
            prop_assume!(rows != cols);
            let base = bundled::get();
            let mut q = q;
            q.text = text;
            q.map = (rows, cols);
            let route = Route { shared: Shared { studies: q, ..Shared::default() }, ..Route::view(View::Studies) };
            let hash = route.encode(base);
            prop_assert_eq!(Route::decode(&hash, base), Ok(route.clone()));
            prop_assert_eq!(Route::decode(&format!("#{hash}"), base), Ok(route));
        }

        /// Any passage offsets: accepted exactly when they are a range of whole
        /// characters inside the article, so showing it never drops text.
        #[test]
        fn a_passage_is_accepted_only_on_whole_characters(
            source in any::<prop::sample::Index>(),
            start in any::<prop::sample::Index>(),
            length in 1usize..400,
        ) {
            let base = bundled::get();
            let source = &base.sources[source.index(base.sources.len())];
            let start = start.index(source.text.len());
            let end = start + length;
            let hash = format!("view=sources&source={}&at={start}-{end}", source.id);
            let whole = source.text.get(start as usize..end as usize).is_some();
            prop_assert_eq!(Route::decode(&hash, base).is_ok(), whole, "{}", hash);
        }
    }

    fn query_strategy_on_seeds() -> impl Strategy<Value = StudyQuery> {
        let base = bundled::get();
        let ticks = prop::collection::vec((facet_strategy(), any::<prop::sample::Index>()), 0..6);
        let sort = prop::sample::select(Sort::ALL.to_vec());
        (ticks, sort).prop_map(move |(ticks, sort)| {
            let mut q = StudyQuery {
                sort,
                ..StudyQuery::default()
            };
            for (facet, index) in ticks {
                let values = facet.values(base);
                q.toggle(facet, values[index.index(values.len())]);
            }
            q
        })
    }
}

// ---------------------------------------------------------------- search everything

mod everything {
    use super::*;
    use massage_explainer::claimbase::model::SourceIdx;
    use massage_explainer::query::everything::{snippet, Group, Index, Kind, Target};

    fn seeds_index() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| Index::build(bundled::get()))
    }

    fn group(groups: &[Group], kind: Kind) -> Vec<Target> {
        groups
            .iter()
            .find(|g| g.kind == kind)
            .map(|g| g.hits.clone())
            .unwrap_or_default()
    }

    /// Whether every query word prefixes a word of one of `texts` (the rule, by brute force).
    fn brute_force_matches(texts: &[&str], query: &str) -> bool {
        let words: Vec<String> = texts
            .iter()
            .flat_map(|t| fold::words(t))
            .map(|w| w.folded)
            .collect();
        fold::query_words(query)
            .iter()
            .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
    }

    fn block_text(base: &ClaimBase, source: SourceIdx, block: u32) -> &'static str {
        let s = base.source(source);
        let b = s.blocks[block as usize];
        &s.text[b.start as usize..b.end as usize]
    }

    #[test]
    fn results_come_grouped_in_kind_order_and_nothing_for_nothing_typed() {
        let base = bundled::get();
        let groups = seeds_index().search(base, &fold::query_words("Circul"));
        let kinds: Vec<Kind> = groups.iter().map(|g| g.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Claim, Kind::Term, Kind::Study, Kind::Article],
            "{groups:#?}"
        );
        let blood = base.term_by_id("blood-flow").expect("a term");
        assert_eq!(group(&groups, Kind::Term), [Target::Term(blood)]);
        assert!(seeds_index()
            .search(base, &fold::query_words("  ,.- "))
            .is_empty());
        assert!(seeds_index()
            .search(base, &fold::query_words("zzzqqq"))
            .is_empty());
    }

    #[test]
    fn a_match_in_the_claims_own_words_ranks_above_one_in_its_quotes() {
        let base = bundled::get();
        let claims = group(
            &seeds_index().search(base, &fold::query_words("circulation")),
            Kind::Claim,
        );
        let in_title: Vec<bool> = claims
            .iter()
            .map(|t| match t {
                Target::Claim(c) => brute_force_matches(&[base.claim(*c).text], "circulation"),
                _ => panic!("{t:?} in claims"),
            })
            .collect();
        assert!(in_title.first() == Some(&true), "{in_title:?}");
        let mut sorted = in_title.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(in_title, sorted, "title matches first");
        assert!(
            in_title.contains(&false),
            "quote-only matches are found too"
        );
    }

    #[test]
    fn every_word_must_match_folded_and_as_a_prefix() {
        let base = bundled::get();
        let both = group(
            &seeds_index().search(base, &fold::query_words("LACTIC circ")),
            Kind::Claim,
        );
        assert_eq!(both.len(), 1, "{both:?}");
        let Target::Claim(c) = both[0] else {
            panic!("{both:?}")
        };
        assert!(base.claim(c).text.contains("lactic acid"));
        assert_eq!(
            seeds_index().search(base, &fold::query_words("lactic circ")),
            seeds_index().search(base, &fold::query_words("láctic CIRC")),
            "case and accents are folded"
        );
    }

    #[test]
    fn article_and_claim_hits_are_exactly_the_records_matching_every_word() {
        let base = bundled::get();
        for query in [
            "massage",
            "m",
            "back pain",
            "deep tis",
            "endorph",
            "research show",
        ] {
            let groups = seeds_index().search(base, &fold::query_words(query));
            let blocks: BTreeSet<(SourceIdx, u32)> = group(&groups, Kind::Article)
                .into_iter()
                .map(|t| match t {
                    Target::Block(s, b) => (s, b),
                    other => panic!("{other:?}"),
                })
                .collect();
            let expected: BTreeSet<(SourceIdx, u32)> = base
                .sources_indexed()
                .flat_map(|(s, source)| (0..source.blocks.len() as u32).map(move |b| (s, b)))
                .filter(|&(s, b)| brute_force_matches(&[block_text(base, s, b)], query))
                .collect();
            assert_eq!(blocks, expected, "{query}");
            let claims = group(&groups, Kind::Claim);
            let expected = base
                .claims
                .iter()
                .filter(|c| {
                    let mut texts = vec![c.text];
                    texts.extend(c.supports.iter().map(|p| base.passage_text(p)));
                    brute_force_matches(&texts, query)
                })
                .count();
            assert_eq!(claims.len(), expected, "{query}");
        }
    }

    #[test]
    fn studies_are_found_as_the_study_list_finds_them() {
        let base = generated();
        let index = Index::build(base);
        let found = group(
            &index.search(base, &fold::query_words("schrod")),
            Kind::Study,
        );
        let scores = search(base, &fold::query_words("schrod")).expect("a search");
        let expected = scores.iter().filter(|&&s| s > 0).count();
        assert!(expected > 0);
        assert_eq!(found.len(), expected);
        let score = |t: &Target| match t {
            Target::Study(s) => scores[s.index()],
            other => panic!("{other:?}"),
        };
        assert!(
            found.windows(2).all(|w| score(&w[0]) >= score(&w[1])),
            "best first"
        );
    }

    #[test]
    fn a_snippet_is_the_matching_sentence_cut_around_the_match() {
        let words = fold::query_words("circul");
        let text = "Massage is popular. It may improve circulation, some say. Others disagree.";
        let (start, end, before, after) = snippet(text, &words, 200);
        assert_eq!(&text[start..end], "It may improve circulation, some say.");
        assert!(!before && !after, "a whole sentence");
        let long = format!("{} circulation {}.", "word ".repeat(80), "more ".repeat(80));
        let (start, end, before, after) = snippet(&long, &words, 120);
        assert!(long[start..end].contains("circulation"));
        assert!(end - start <= 120, "{}", end - start);
        assert!(before && after);
        assert!(!long[start..end].starts_with(' ') && !long[start..end].ends_with(' '));
        // Multi-byte text is cut on character boundaries.
        let accents = format!("{}circulación {}", "éé ".repeat(60), "ññ ".repeat(60));
        let (start, end, ..) = snippet(&accents, &words, 50);
        assert!(accents[start..end].contains("circulación"));
        // No match: the first sentence.
        assert_eq!(snippet(text, &[], 200).0, 0);
        // Text without spaces (CJK punctuation between words) is cut mid-text,
        // never shrunk to the match alone, and the match kept.
        let cjk = format!(
            "{}circulation、{}",
            "按摩、".repeat(60),
            "按摩、".repeat(60)
        );
        let (start, end, before, after) = snippet(&cjk, &words, 90);
        let shown = &cjk[start..end];
        assert!(
            shown.contains("circulation") && shown.len() > "circulation".len() + 20,
            "{shown}"
        );
        assert!(end - start <= 90 && before && after);
        // A window that starts at a word keeps that word.
        let starts = format!("{}. One two circulation three", "x".repeat(10));
        let (start, end, ..) = snippet(&starts, &words, 200);
        assert_eq!(&starts[start..end], "One two circulation three");
    }
}

#[test]
fn every_bundled_study_has_a_name_to_cite_it_by() {
    let base = bundled::get();
    for study in base.studies {
        let name = massage_explainer::query::explain::study_name(study);
        assert!(!name.trim().is_empty(), "{} has no name", study.id);
    }
}
