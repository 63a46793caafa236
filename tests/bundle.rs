//! Native tests of the real, bundled claim base and the pure logic over it:
//! coverage, derived fields, queries, the URL-hash codec and the reducer.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use massage_explainer::app::route::{
    AnswerItem, ArticlePart, OpenArticle, Route, Screen, Shared, View,
};
use massage_explainer::app::state::{Action, AppState};
use massage_explainer::claimbase::compile;
use massage_explainer::claimbase::kinds::{Evidence, Status, TermKind};
use massage_explainer::claimbase::model::{ClaimBase, Passage, TermIdx};
use massage_explainer::claimbase::{self};
use massage_explainer::query::explain;

fn term(id: &str) -> TermIdx {
    claimbase::get()
        .term_by_id(id)
        .unwrap_or_else(|| panic!("term {id}"))
}

/// The seeds compiled now, as build.rs compiles them.
fn compile_seeds() -> compile::Compiled {
    let files = compile::read_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")),
        "seeds",
    )
    .expect("seeds readable");
    compile::compile(&files).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn the_seeds_compile_and_leave_no_substantive_sentence_uncovered() {
    let compiled = compile_seeds();
    let uncovered: Vec<String> = compiled
        .uncovered_sentences()
        .iter()
        .map(|s| {
            let text = compiled.base.source(s.source).text;
            text[s.start as usize..s.end as usize].to_string()
        })
        .collect();
    assert_eq!(uncovered, Vec::<String>::new());
    assert!(
        !compiled.notes.not_claims.is_empty(),
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
        assert_eq!(base.term(term(id)).kind, TermKind::Mechanism, "{id}");
    }
    assert!(base
        .studies
        .iter()
        .any(|s| s.id == "cherkin-2011" && s.status == Status::Identified));
    assert!(base.studies.iter().any(|s| s.status == Status::Unverified));
    // Every grade is in use; the seeds hold no draft awaiting review.
    for level in Evidence::ALL.iter().filter(|&&l| l != Evidence::Unreviewed) {
        assert!(
            base.claims.iter().any(|c| c.evidence == *level),
            "some claim is {level:?}"
        );
    }
    assert!(base
        .claims
        .iter()
        .all(|c| c.evidence != Evidence::Unreviewed));
    // Every passage of the seed articles that mentions a term is curated, so
    // nothing is left unreviewed and no study is found in uncurated text.
    assert!(base.unreviewed.is_empty());
    assert!(base.studies.iter().all(|s| s.status != Status::Unreviewed));
    assert!(base.disagreements.len() >= 5);
}

/// The base build.rs wrote into the binary is the one the compiler makes from the
/// seeds now: the same terms of each kind, studies, and claims quoting the same words.
#[test]
fn the_bundle_is_what_the_compiler_makes_of_the_seeds() {
    let fresh = compile_seeds().base;
    let bundled = claimbase::get();
    for kind in [TermKind::Mechanism, TermKind::Technique] {
        let ids = |base: &ClaimBase| -> Vec<&str> {
            base.terms_of_kind(kind).map(|(_, t)| t.id).collect()
        };
        assert_eq!(ids(bundled), ids(&fresh), "{kind:?}");
    }
    let studies = |base: &ClaimBase| -> Vec<(&str, Status)> {
        base.studies.iter().map(|s| (s.id, s.status)).collect()
    };
    assert_eq!(studies(bundled), studies(&fresh));
    let quotes = |base: &ClaimBase| -> Vec<(&str, Vec<&str>)> {
        base.claims
            .iter()
            .map(|c| {
                (
                    c.id,
                    c.supports.iter().map(|p| base.passage_text(p)).collect(),
                )
            })
            .collect()
    };
    assert_eq!(quotes(bundled), quotes(&fresh));
}

#[test]
fn source_counts_are_distinct_articles() {
    let base = claimbase::get();
    for claim in base.claims {
        let mut sources: Vec<_> = claim.supports.iter().map(|p| p.source).collect();
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
    // Recounted straight from the claims, not through the functions the grid uses.
    for (t, row) in grid.techniques.iter().zip(&grid.sources) {
        for (m, &n) in grid.mechanisms.iter().zip(row) {
            let mut sources: Vec<&str> = base
                .claims
                .iter()
                .filter(|c| c.about.contains(t) && c.about.contains(m))
                .flat_map(|c| c.supports.iter().map(|p| base.source(p.source).id))
                .collect();
            sources.sort_unstable();
            sources.dedup();
            assert_eq!(
                n,
                sources.len(),
                "{} × {}",
                base.term(*t).id,
                base.term(*m).id
            );
        }
    }
    let cell = |t: &str, m: &str| {
        let row = grid
            .techniques
            .iter()
            .position(|&x| x == term(t))
            .expect("a technique row");
        let col = grid
            .mechanisms
            .iter()
            .position(|&x| x == term(m))
            .expect("a mechanism column");
        grid.sources[row][col]
    };
    assert!(
        cell("deep-tissue", "muscle-tension") >= 1,
        "a link the articles make"
    );
    assert_eq!(
        cell("reflexology", "inflammation"),
        0,
        "a link no article makes"
    );
}

#[test]
fn quoted_ranges_are_sorted_and_disjoint_and_split_marked_covers_the_text() {
    let base = claimbase::get();
    for (idx, source) in base.sources_indexed() {
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
    let screen = |screen| Route {
        screen,
        shared: Shared::default(),
    };
    let guideline = base.guideline_by_id("nice-ng59").expect("a guideline");
    let criterion = base.criteria[0].id;
    let routes = [
        Route::default(),
        Route::view(View::Safety),
        screen(Screen::Answer(Some(AnswerItem::Claim(
            base.claim_by_id(claim.id).expect("a claim"),
        )))),
        screen(Screen::Answer(Some(AnswerItem::Guideline(guideline)))),
        screen(Screen::Mechanisms(Some(term("blood-flow")))),
        screen(Screen::Techniques(Some(term("deep-tissue")))),
        screen(Screen::Map(Some((
            term("deep-tissue"),
            term("muscle-tension"),
        )))),
        screen(Screen::Sources(Some(OpenArticle {
            source: p.source,
            at: ArticlePart::Passage(p.start, p.end),
        }))),
        screen(Screen::Sources(Some(OpenArticle {
            source: p.source,
            at: ArticlePart::Criterion(base.criterion_by_id(criterion).expect("a criterion")),
        }))),
        screen(Screen::Studies(base.study_by_id("cherkin-2011"))),
        screen(Screen::Safety(base.safety_by_id(base.safety[0].id))),
        Route {
            screen: Screen::Search,
            shared: Shared {
                search: "Schröder & blood, flow".into(),
                ..Shared::default()
            },
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
fn a_malformed_hash_is_an_error_and_one_warning() {
    let base = claimbase::get();
    for (hash, expected) in [
        ("#view=nope", "unknown view `nope`"),
        ("#garbage", "`garbage` is not key=value"),
        (
            "#view=map&cell=blood-flow~deep-tissue",
            "`blood-flow~deep-tissue` is not a technique~mechanism cell",
        ),
        (
            "#view=mechanisms&item=<script>",
            "unknown mechanism `<script>`",
        ),
        (
            "#item=blood-flow",
            "unknown key `item` for the Short answer view",
        ),
        ("#view=sources&at=5-1", "`5-1` is not a passage range"),
        (
            "#view=sources&at=1-999999",
            "the passage is outside its article",
        ),
        ("#zoom=2", "unknown key `zoom` for the Short answer view"),
        // Each view takes its own keys only: no guideline on the map.
        (
            "#view=map&guideline=nice-ng59",
            "unknown key `guideline` for the Map view",
        ),
        // An item of the other kind is not that view's.
        (
            "#view=mechanisms&item=deep-tissue",
            "unknown mechanism `deep-tissue`",
        ),
        (
            "#view=sources&criterion=who-is-behind-it",
            "a criterion needs its article (`source`)",
        ),
        (
            "#guideline=nice-ng59&guideline=acp-2017",
            "the short answer opens at one claim or one guideline",
        ),
    ] {
        check(hash, expected);
    }
    // Inside a multi-byte character: the Korean words in one article.
    let (source, text) = base
        .sources
        .iter()
        .find_map(|s| Some((s, s.text.find('마')?)))
        .expect("an article with Hangul");
    let hash = format!(
        "#view=sources&source={}&at={}-{}",
        source.id,
        text + 1,
        text + 6
    );
    check(&hash, "the passage cuts a character of its article in two");

    fn check(hash: &str, expected: &str) {
        let base = claimbase::get();
        let error = Route::decode(hash, base).expect_err(hash);
        assert_eq!(error.to_string(), expected);
        let warning = error.hash_warning(hash);
        assert_eq!(
            warning,
            format!("massage-explainer: ignoring the URL hash \"{hash}\": {expected}; showing the default view")
        );
    }
}

#[test]
fn the_reducer_navigates_and_keeps_the_study_query() {
    let base = claimbase::get();
    let searched = AppState::default().apply(Action::Search("cherkin".into()));
    let query = searched.route.shared.studies.clone();
    let t = term("endorphins");
    let state = searched.apply(Action::OpenTerm(t));
    assert_eq!(
        state.route.screen,
        Screen::Mechanisms(Some(t)),
        "a mechanism opens in its view"
    );
    assert_eq!(
        state.route.shared.studies, query,
        "navigating keeps the study query"
    );
    let technique = term("deep-tissue");
    let state = state.apply(Action::OpenTerm(technique));
    assert_eq!(
        state.route.screen,
        Screen::Techniques(Some(technique)),
        "a technique opens in its own view"
    );
    let state = state.apply(Action::CloseDetail);
    assert_eq!(state.route.screen, Screen::Techniques(None));
    let state = state.apply(Action::ShowView(View::Map));
    assert_eq!(
        state.route.screen,
        Screen::Map(None),
        "switching view clears the selection"
    );
    let p = base.claims[0].supports[0];
    let state = state.apply(Action::OpenPassage(p));
    assert_eq!(
        state.route.screen,
        Screen::Sources(Some(OpenArticle {
            source: p.source,
            at: ArticlePart::Passage(p.start, p.end)
        }))
    );
    let state = state.apply(Action::CloseDetail);
    assert_eq!(state.route.screen, Screen::Sources(None));
    assert_eq!(state.route.shared.studies, query);
    // A study the query shows keeps the query; one it hides clears it.
    let cherkin = base.study_by_id("cherkin-2011").expect("a study");
    let state = state.apply(Action::OpenStudy(cherkin));
    assert_eq!(state.route.screen, Screen::Studies(Some(cherkin)));
    assert_eq!(state.route.shared.studies, query);
    let hidden = base.study_by_id("sciatica-disc-studies").expect("a study");
    let state = state.apply(Action::OpenStudy(hidden));
    assert_eq!(state.route.screen, Screen::Studies(Some(hidden)));
    assert!(
        !state.route.shared.studies.is_filtered(),
        "the query that hid it is cleared"
    );
    // The search box shows the search view and keeps its text while results open.
    let state = state.apply(Action::Find("circul".into()));
    assert_eq!(
        (&state.route.screen, state.route.shared.search.as_str()),
        (&Screen::Search, "circul")
    );
    assert_eq!(state.route.encode(base), "view=search&q=circul");
    let item = base.safety_at(0).expect("a safety item");
    let state = state.apply(Action::OpenSafety(item));
    assert_eq!(state.route.screen, Screen::Safety(Some(item)));
    assert_eq!(
        state.route.shared.search, "circul",
        "the box keeps its text"
    );
    assert!(
        !state.route.encode(base).contains("q="),
        "only the search view puts it in the URL"
    );
    // Restore (the URL) replaces everything, the query included.
    let state = state.apply(Action::Restore(Box::new(Route::view(View::Safety))));
    assert_eq!(state.route, Route::view(View::Safety));
}

#[test]
fn the_bottom_line_answers_every_question_and_cites_its_evidence() {
    use massage_explainer::claimbase::kinds::{Question, SafetyKind, Tier};
    let base = claimbase::get();
    for &question in Question::ALL {
        assert!(
            base.bottom_line
                .points
                .iter()
                .any(|p| p.question == question),
            "{question:?} is answered"
        );
    }
    assert!(base.bottom_line.points.iter().all(|p| !p.cites.is_empty()));
    // Every red flag has its urgency, and each tier has signs in it.
    for item in base.safety.iter().filter(|s| s.kind == SafetyKind::RedFlag) {
        assert!(item.tier.is_some(), "{}", item.id);
    }
    for &tier in Tier::ALL {
        assert!(base.safety.iter().any(|s| s.tier == Some(tier)), "{tier:?}");
    }
    assert!(base.safety.iter().any(|s| s.kind == SafetyKind::SideEffect));
    for id in ["uk", "us", "eu", "au", "ca", "nz"] {
        assert!(base.region_by_id(id).is_some(), "{id}");
    }
    for id in ["acp-2017", "nice-ng59", "who-2023"] {
        assert!(base.guideline_by_id(id).is_some(), "{id}");
    }
}

#[test]
fn every_article_has_a_complete_card_and_the_computed_rows_follow_the_claim_base() {
    use massage_explainer::claimbase::kinds::Verdict;
    use massage_explainer::query::report;
    let base = claimbase::get();
    for (idx, source) in base.sources_indexed() {
        let card = report::card_of(base, idx).unwrap_or_else(|| panic!("{} is rated", source.id));
        let rows = report::rows(base, card);
        assert_eq!(
            rows.len(),
            base.criteria.len(),
            "{}: every criterion",
            source.id
        );
        assert!(rows.iter().all(|r| !r.reason.is_empty()));
    }
    let row = |source: &str, criterion: &str| {
        let s = base.source_by_id(source).expect("an article");
        let c = base.criterion_by_id(criterion).expect("a criterion");
        let rows = report::rows(base, report::card_of(base, s).expect("rated"));
        rows.into_iter().find(|r| r.criterion == c).expect("a row")
    };
    // Honest both ways: 004 names its author and source; 001 says see a professional.
    assert_eq!(
        row("004_0258de91f0d849d6", "who-is-behind-it").verdict,
        Verdict::Satisfactory
    );
    assert_eq!(
        row("001_ce4c28c02545595a", "who-to-ask").verdict,
        Verdict::Satisfactory
    );
    // Computed: 001 mentions no study, and it is the one that mentions a harm.
    let studies = row("001_ce4c28c02545595a", "studies-described");
    assert!(studies.computed);
    assert_eq!(studies.verdict, Verdict::NotApplicable);
    assert_eq!(
        row("001_ce4c28c02545595a", "harms-mentioned").verdict,
        Verdict::Satisfactory
    );
    assert_eq!(
        row("002_7c94fdeeb76c4d01", "harms-mentioned").verdict,
        Verdict::NotSatisfactory
    );
    let mix = row("000_3e48a30851d90427", "evidence-mix");
    assert!(
        mix.reason.starts_with("Of its 19 claims:"),
        "{}",
        mix.reason
    );
}

#[test]
fn the_readers_answers_toggle_in_memory_and_never_move_the_route() {
    let options = &claimbase::get().options;
    let (medicines, _) = options
        .matters_indexed()
        .find(|(_, m)| m.id == "no-medicines")
        .expect("the seeds ask about medicines");
    let (heat, _) = options
        .choices_indexed()
        .find(|(_, o)| o.id == "heat")
        .expect("heat is an option");
    assert!(
        options.massage().is_some(),
        "the sheet and the course look massage up by its id"
    );
    let start = AppState::default().apply(Action::ShowView(View::Options));
    let state = start
        .apply(Action::ToggleMatter(medicines))
        .apply(Action::ToggleShortlist(heat));
    assert!(state.reader.matters.has(medicines.index()));
    assert!(state.reader.shortlist.has(heat.index()));
    assert_eq!(
        state.route, start.route,
        "answers are not part of the route (or the URL)"
    );
    // Navigating keeps them; ticking again takes them back.
    let state = state.apply(Action::ShowView(View::Safety));
    assert!(state.reader.matters.has(medicines.index()));
    let state = state
        .apply(Action::ToggleMatter(medicines))
        .apply(Action::ToggleShortlist(heat));
    assert!(state.reader.matters.is_empty() && state.reader.shortlist.is_empty());
}

#[test]
fn every_node_of_the_pathway_opens_its_screen() {
    let base = claimbase::get();
    for picture in [base.pathway.wide, base.pathway.narrow] {
        let hrefs: Vec<&str> = picture
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        // Massage, every mechanism, and the outcomes it draws.
        let mechanisms = base.terms_of_kind(TermKind::Mechanism).count();
        assert!(hrefs.len() > mechanisms + 1, "{hrefs:?}");
        for href in &hrefs {
            let href = href.replace("&amp;", "&");
            let route = Route::decode(&href, base).unwrap_or_else(|e| panic!("{href}: {e:?}"));
            match route.screen {
                Screen::Mechanisms(Some(term)) => assert!(href.ends_with(base.term(term).id)),
                Screen::Techniques(None) => assert_eq!(href, "#view=techniques"),
                Screen::Studies(None) => assert!(href.starts_with("#view=studies&outcome=")),
                other => panic!("{href} opens {other:?}"),
            }
        }
    }
}
