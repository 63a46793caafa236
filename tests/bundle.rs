//! Native tests of the real, bundled claim base and the pure logic over it:
//! coverage, derived fields, queries, the URL-hash codec and the reducer.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use massage_explainer::app::route::{Route, View};
use massage_explainer::app::state::{Action, AppState};
use massage_explainer::claimbase::compile;
use massage_explainer::claimbase::kinds::{Evidence, Status, TermKind};
use massage_explainer::claimbase::{self, model::Passage};
use massage_explainer::query::explain;

fn term(id: &str) -> u16 {
    let base = claimbase::get();
    (0u16..)
        .zip(base.terms)
        .find(|(_, t)| t.id == id)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("term {id}"))
}

#[test]
fn the_seeds_compile_and_leave_no_substantive_sentence_uncovered() {
    let files = compile::read_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")),
        "seeds",
    )
    .expect("seeds readable");
    let base = compile::compile(&files).unwrap_or_else(|e| panic!("{e:#?}"));
    let uncovered: Vec<String> = compile::uncovered_sentences(&base)
        .iter()
        .map(|s| {
            base.sources[usize::from(s.source)].text[s.start as usize..s.end as usize].to_string()
        })
        .collect();
    assert_eq!(uncovered, Vec::<String>::new());
    assert!(
        !base.not_claims.is_empty(),
        "left-out passages carry their reasons"
    );
}

#[test]
fn the_bundle_has_every_required_term_study_and_safety_kind() {
    let base = claimbase::get();
    for id in [
        "muscle-tension",
        "blood-flow",
        "inflammation",
        "endorphins",
        "stretching",
        "strengthening",
        "flexibility",
    ] {
        assert_eq!(
            base.term(term(id)).map(|t| t.kind),
            Some(TermKind::Mechanism),
            "{id}"
        );
    }
    assert_eq!(base.terms_of_kind(TermKind::Technique).count(), 12);
    assert!(base.studies.len() >= 6);
    assert!(base
        .studies
        .iter()
        .any(|s| s.id == "cherkin-2011" && s.status == Status::Identified));
    assert!(base.studies.iter().any(|s| s.status == Status::Unverified));
    for claim in base.claims {
        assert!(!claim.supports.is_empty(), "{} has a quote", claim.id);
        assert!(claim.source_count >= 1);
        for p in claim.supports {
            assert!(
                !base.passage_text(p).is_empty(),
                "{} quote resolves",
                claim.id
            );
        }
    }
    for level in Evidence::ALL {
        assert!(
            base.claims.iter().any(|c| c.evidence == *level),
            "some claim is {level:?}"
        );
    }
    assert!(base.disagreements.len() >= 5);
    // The bundled claim base leaves the curators' notes out of the wasm.
    assert!(base.not_claims.is_empty());
}

#[test]
fn source_counts_are_distinct_articles() {
    let base = claimbase::get();
    for claim in base.claims {
        let mut sources: Vec<u16> = claim.supports.iter().map(|p| p.source).collect();
        sources.sort_unstable();
        sources.dedup();
        assert_eq!(
            usize::from(claim.source_count),
            sources.len(),
            "{}",
            claim.id
        );
    }
}

#[test]
fn the_map_counts_sources_linking_technique_and_mechanism() {
    let base = claimbase::get();
    let grid = explain::grid(base);
    assert_eq!(grid.techniques.len(), 12);
    let total: usize = grid.sources.iter().flatten().sum();
    assert!(total > 0, "some technique is linked to some mechanism");
    for (t, row) in grid.techniques.iter().zip(&grid.sources) {
        for (m, &n) in grid.mechanisms.iter().zip(row) {
            let claims = explain::link_claims(base, *t, *m);
            assert_eq!(n, explain::sources_of(base, &claims).len());
            assert_eq!(n == 0, claims.is_empty());
        }
    }
}

#[test]
fn quoted_ranges_are_sorted_and_disjoint_and_split_marked_covers_the_text() {
    let base = claimbase::get();
    for (idx, source) in (0u16..).zip(base.sources) {
        let ranges = explain::quoted_ranges(base, idx);
        assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0), "{}", source.id);
        for block in source.blocks {
            let pieces = explain::split_marked(source.text, block.start, block.end, &ranges);
            let joined: String = pieces.iter().map(|(t, _)| *t).collect();
            assert_eq!(
                joined,
                &source.text[block.start as usize..block.end as usize]
            );
        }
    }
    let pieces = explain::split_marked("abcdef", 1, 5, &[(0, 2), (3, 4)]);
    assert_eq!(
        pieces,
        [
            ("b", Some((0, 2))),
            ("c", None),
            ("d", Some((3, 4))),
            ("e", None)
        ]
    );
}

#[test]
fn the_hash_round_trips_every_kind_of_route() {
    let base = claimbase::get();
    let claim = &base.claims[0];
    let p: Passage = claim.supports[0];
    let routes = [
        Route::default(),
        Route::view(View::Safety),
        Route {
            term: Some(term("blood-flow")),
            ..Route::view(View::Mechanisms)
        },
        Route {
            cell: Some((term("deep-tissue"), term("muscle-tension"))),
            ..Route::view(View::Map)
        },
        Route {
            source: Some(p.source),
            passage: Some((p.start, p.end)),
            ..Route::view(View::Sources)
        },
        Route {
            study: Some(0),
            ..Route::view(View::Studies)
        },
    ];
    for route in routes {
        let hash = route.encode(base);
        assert_eq!(
            Route::decode(&format!("#{hash}"), base),
            Ok(route.clone()),
            "{hash}"
        );
    }
    assert_eq!(Route::decode("", base), Ok(Route::default()));
}

#[test]
fn a_malformed_hash_gives_one_warning() {
    let base = claimbase::get();
    for hash in [
        "#view=nope",
        "#garbage",
        "#view=map&cell=blood-flow~deep-tissue",
        "#item=<script>",
        "#view=sources&at=5-1",
        "#view=sources&at=1-999999",
        "#zoom=2",
    ] {
        let warning = Route::decode(hash, base).expect_err(hash);
        assert!(
            warning.starts_with("massage-explainer: ignoring the URL hash"),
            "{warning}"
        );
        assert!(!warning.contains('\n'));
    }
}

#[test]
fn the_reducer_navigates() {
    let state = AppState::default();
    let t = term("endorphins");
    let state = state.apply(Action::SelectTerm(Some(t)));
    assert_eq!(
        state.route,
        Route {
            term: Some(t),
            ..Route::view(View::Mechanisms)
        }
    );
    let state = state.apply(Action::ShowView(View::Map));
    assert_eq!(
        state.route,
        Route::view(View::Map),
        "switching view clears the selection"
    );
    let p = claimbase::get().claims[0].supports[0];
    let state = state.apply(Action::OpenPassage(p));
    assert_eq!(state.route.view, View::Sources);
    assert_eq!(state.route.passage, Some((p.start, p.end)));
    let state = state.apply(Action::OpenSource(None));
    assert_eq!(state.route, Route::view(View::Sources));
}
