//! Component tests in headless Chromium (wasm-bindgen-test; `make test` runs them).
#![cfg(target_arch = "wasm32")]

use massage_explainer::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Mounts an app in a fresh container attached to the page.
/// A fresh div attached to the page.
fn attached_div() -> Element {
    let div = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("attached");
    div
}

async fn mount(use_hash: bool) -> Element {
    let div = attached_div();
    let props = AppProps {
        instance: "t".into(),
        use_hash,
    };
    yew::Renderer::<App>::with_root_and_props(div.clone(), props).render();
    yew::scheduler::flush().await;
    div
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    all(root, selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    one(root, selector).click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_first_screen_answers_the_readers_questions() {
    let root = mount(false).await;
    assert_eq!(
        one(&root, "[role=tab][aria-selected=true]")
            .text_content()
            .as_deref(),
        Some("Short answer")
    );
    let questions: Vec<String> = all(&root, ".mx-answer-point dt")
        .iter()
        .filter_map(|dt| dt.text_content())
        .collect();
    for question in [
        "Does it help?",
        "How much?",
        "For how long?",
        "How sure is the research?",
        "Is it safe?",
    ] {
        assert!(
            questions.iter().any(|q| q == question),
            "{question} in {questions:?}"
        );
    }
    assert!(text(&root, ".mx-answer-summary").contains("short time"));
    assert!(
        all(&root, ".mx-guideline").len() >= 3,
        "the guidelines, each a card"
    );
    // Each answer in brief, its full text behind "Read more".
    assert_eq!(all(&root, ".mx-point-short").len(), 6);
    assert_eq!(all(&root, "details.mx-point:not([open])").len(), 6);
    // The emergency tier is on the screen, before the answer, with no region: in words.
    let notice = text(&root, ".mx-notice");
    assert!(
        notice.contains("Call your local emergency number now"),
        "{notice}"
    );
    assert!(notice.contains("both legs"), "{notice}");
    // A sentence's evidence opens the study it cites in place, and closes...
    let chip = "[data-point=weak-evidence] .mx-cite-link";
    click(&root, chip).await;
    assert_eq!(
        one(&root, chip).get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(text(&root, "[data-point=weak-evidence] .mx-cite-peek").contains("Furlan"));
    click(&root, ".mx-cite-peek .mx-back").await;
    assert!(all(&root, ".mx-cite-peek").is_empty());
    // ...or leads to its place in the study list.
    click(&root, chip).await;
    click(&root, ".mx-cite-peek .mx-link").await;
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("studies")
    );
    assert_eq!(all(&root, ".mx-study-selected").len(), 1);
    assert!(text(&root, ".mx-study-selected").contains("Furlan"));
    // Every other view folds the answer to its summary.
    assert!(text(&root, ".mx-answer-mini summary").contains("Short answer"));
}

#[wasm_bindgen_test]
async fn a_guideline_citation_opens_its_card_and_safety_lists_the_emergency_tier_first() {
    let root = mount(false).await;
    click(&root, "[data-point=guidelines-differ] .mx-cite-link").await;
    click(&root, ".mx-cite-peek .mx-link").await;
    assert_eq!(
        one(&root, ".mx-guideline.mx-selected")
            .get_attribute("data-guideline")
            .as_deref(),
        Some("acp-2017")
    );
    click(&root, "#t-tab-safety").await;
    let tiers: Vec<String> = all(&root, ".mx-tier")
        .iter()
        .filter_map(|t| t.get_attribute("data-tier"))
        .collect();
    assert_eq!(tiers, ["emergency", "same-day", "routine"]);
    assert!(
        text(&root, ".mx-tier-emergency h4").starts_with("Call your local emergency number now")
    );
    assert!(
        !all(&root, ".mx-safety-side-effect li").is_empty(),
        "side effects and how often"
    );
}

#[wasm_bindgen_test]
async fn selecting_a_mechanism_shows_its_quotes() {
    let root = mount(false).await;
    click(&root, "#t-tab-mechanisms").await;
    assert!(all(&root, ".mx-card").len() >= 11, "a card per mechanism");
    assert_eq!(
        all(&root, ".mx-legend-item").len(),
        7,
        "every evidence label explained, where the labels are"
    );
    click(&root, "[data-term=blood-flow] .mx-card-button").await;
    assert_eq!(
        text(&root, ".mx-detail-title"),
        "Blood flow and circulation"
    );
    let quotes = all(&root, ".mx-detail .mx-quote blockquote");
    assert!(!quotes.is_empty());
    assert!(quotes.iter().any(|q| q
        .text_content()
        .unwrap_or_default()
        .contains("increase blood flow")));
    click(&root, ".mx-back").await;
    assert!(all(&root, ".mx-detail").is_empty());
}

#[wasm_bindgen_test]
async fn tabs_follow_the_arrow_keys() {
    let root = mount(false).await;
    let tab = one(&root, "[role=tab][aria-selected=true]");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    tab.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, "[role=tab][aria-selected=true]")
            .text_content()
            .as_deref(),
        Some("Your options")
    );
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("options")
    );
}

#[wasm_bindgen_test]
async fn a_map_cell_opens_its_claims() {
    let root = mount(false).await;
    click(&root, "#t-tab-map").await;
    let cells = all(&root, ".mx-cell:not(.mx-cell-empty) button");
    assert!(!cells.is_empty(), "some technique is linked to a mechanism");
    let expected: usize = cells[0]
        .text_content()
        .unwrap_or_default()
        .parse()
        .expect("a count");
    cells[0].click();
    yew::scheduler::flush().await;
    let claims = all(&root, ".mx-cell-detail .mx-claim");
    assert!(!claims.is_empty());
    // The cell counts the distinct articles behind those claims.
    let mut sources: Vec<String> = all(&root, ".mx-cell-detail .mx-quote figcaption button")
        .iter()
        .filter_map(|b| b.text_content())
        .collect();
    sources.sort();
    sources.dedup();
    assert_eq!(sources.len(), expected);
    assert!(
        !all(&root, ".mx-cell-empty").is_empty(),
        "empty cells are explicit"
    );
}

#[wasm_bindgen_test]
async fn a_quote_opens_its_article_at_the_passage() {
    let root = mount(false).await;
    click(&root, "#t-tab-mechanisms").await;
    click(&root, "[data-term=endorphins] .mx-card-button").await;
    let quote = one(&root, ".mx-detail .mx-quote");
    let passage = quote
        .query_selector("blockquote")
        .ok()
        .flatten()
        .and_then(|b| b.text_content())
        .unwrap_or_default();
    one(&quote, "figcaption button").click();
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("sources")
    );
    let current = text(&root, ".mx-reader .mx-mark-current");
    assert!(current.contains(&passage), "`{current}` holds `{passage}`");
}

#[wasm_bindgen_test]
async fn the_hash_restores_state_and_follows_it() {
    let window = web_sys::window().expect("window");
    window
        .location()
        .set_hash("view=map&cell=deep-tissue~muscle-tension")
        .expect("hash set");
    let root = mount(true).await;
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("map")
    );
    assert!(text(&root, ".mx-cell-detail h2").contains('×'));
    click(&root, "#t-tab-safety").await;
    assert_eq!(
        window.location().hash().ok().as_deref(),
        Some("#view=safety")
    );
    // hashchange is async: wait until the browser delivers it. This listener comes
    // after the app's, so the app has handled the change when it runs.
    let mut delivered = None;
    let changed = js_sys::Promise::new(&mut |resolve, _| {
        delivered = Some(gloo_events::EventListener::once(
            &window,
            "hashchange",
            move |_| {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
        ));
    });
    window
        .location()
        .set_hash("view=garbage")
        .expect("hash set");
    wasm_bindgen_futures::JsFuture::from(changed)
        .await
        .expect("hashchange");
    drop(delivered);
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("answer"),
        "malformed → defaults"
    );
    window.location().set_hash("").expect("hash cleared");
}

#[wasm_bindgen_test]
async fn article_text_is_rendered_as_text_never_html() {
    let root = mount(false).await;
    click(&root, "#t-tab-sources").await;
    assert_eq!(all(&root, ".mx-source").len(), 5);
    click(
        &root,
        "[data-source='003_c7d0e99dd2d4019b'] .mx-card-button",
    )
    .await;
    assert!(
        text(&root, ".mx-reader-body").contains("마사지"),
        "verbatim text, stray words and all"
    );
    assert!(all(&root, ".mx-reader script").is_empty());
    assert!(
        !all(&root, ".mx-problems li").is_empty(),
        "what the article gets wrong"
    );
}

// ---------------------------------------------------------------- study list

async fn studies_view() -> Element {
    let root = mount(false).await;
    click(&root, "#t-tab-studies").await;
    assert_eq!(
        one(&root, "[role=tabpanel]")
            .get_attribute("data-view")
            .as_deref(),
        Some("studies")
    );
    root
}

fn shown_studies(root: &Element) -> Vec<String> {
    all(root, ".mx-study")
        .iter()
        .filter_map(|s| s.get_attribute("data-study"))
        .collect()
}

async fn type_search(root: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = one(root, ".mx-study-search input").unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_facet_filters_the_list_and_recounts_the_others() {
    let root = studies_view().await;
    assert_eq!(shown_studies(&root).len(), 10, "the first page");
    assert_eq!(
        text(&root, ".mx-count"),
        format!(
            "Showing 10 of {} studies",
            massage_explainer::claimbase::get().studies.len()
        )
    );
    click(&root, "[data-facet=design] input[data-value=rct]").await;
    let trials = [
        "cherkin-2011",
        "cherkin-2001",
        "preyde-2000",
        "day-1987",
        "cherkin-2016",
    ];
    assert_eq!(shown_studies(&root), trials);
    assert_eq!(text(&root, ".mx-count"), "5 studies");
    // The status facet now counts only among the five trials.
    let status: Vec<String> = all(&root, "[data-facet=status] .mx-check")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(status, ["Identified2", "Added by our review3"]);
    // The design facet still offers the other designs (with their counts).
    assert!(all(&root, "[data-facet=design] input").len() >= 3);
    click(&root, ".mx-results-bar .mx-button").await;
    assert_eq!(shown_studies(&root).len(), 10);
    click(&root, ".mx-more").await;
    assert_eq!(shown_studies(&root).len(), 20, "Show 10 more");
}

#[wasm_bindgen_test]
async fn search_narrows_the_list_and_marks_the_matches() {
    let root = studies_view().await;
    type_search(&root, "ÀNNALS cherk").await;
    let shown = shown_studies(&root);
    assert!(shown.contains(&"cherkin-2011".to_string()), "{shown:?}");
    assert!(!shown.contains(&"furlan-2015".to_string()));
    let marks: Vec<String> = all(&root, "[data-study=cherkin-2011] mark")
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert!(marks.iter().any(|m| m == "Annals"), "{marks:?}");
    assert!(marks.iter().any(|m| m == "Cherk"), "{marks:?}");
}

#[wasm_bindgen_test]
async fn an_empty_result_offers_the_filter_to_drop() {
    let root = studies_view().await;
    click(&root, "[data-facet=design] input[data-value=rct]").await;
    type_search(&root, "furlan").await;
    assert!(shown_studies(&root).is_empty());
    assert_eq!(text(&root, ".mx-count"), "No studies match");
    let offer = text(&root, ".mx-empty-state p");
    // Dropping the search gives the five trials; dropping the filter, two reviews.
    assert!(
        offer.contains("Removing the search “furlan” would show 5 studies"),
        "{offer}"
    );
    click(&root, ".mx-empty-state .mx-button").await;
    assert_eq!(
        shown_studies(&root),
        [
            "cherkin-2011",
            "cherkin-2001",
            "preyde-2000",
            "day-1987",
            "cherkin-2016"
        ]
    );
}

#[wasm_bindgen_test]
async fn an_evidence_map_cell_sets_its_two_filters() {
    let root = studies_view().await;
    let cells = all(&root, ".mx-emap-cell");
    assert!(!cells.is_empty());
    let usual_chronic = cells
        .iter()
        .find(|c| {
            c.get_attribute("aria-label")
                .is_some_and(|l| l.contains("Usual care and Chronic"))
        })
        .expect("a usual care × chronic cell");
    usual_chronic.click();
    yew::scheduler::flush().await;
    // Cherkin 2011, which the articles name, and three our review added.
    let shown = shown_studies(&root);
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert_eq!(shown[0], "cherkin-2011");
    assert!(one(
        &root,
        "[data-facet=comparator] input[data-value=usual-care]"
    )
    .unchecked_into::<web_sys::HtmlInputElement>()
    .checked());
    assert_eq!(
        all(&root, ".mx-emap-cell[aria-pressed=true]").len(),
        1,
        "the chosen cell shows as pressed"
    );
}

#[wasm_bindgen_test]
async fn sorting_by_year_puts_the_newest_first() {
    let root = studies_view().await;
    let select: web_sys::HtmlSelectElement = one(&root, ".mx-toolbar select").unchecked_into();
    select.set_value("year");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("an event"))
        .expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(
        shown_studies(&root).first().map(String::as_str),
        Some("wieland-2022")
    );
}

/// Embeds: `embed::mount` in an open shadow root, as `www/embed.js` calls it.
mod embedded {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gloo_events::EventListener;
    use massage_explainer::embed;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;
    use web_sys::{CustomEvent, Element, ShadowRootInit, ShadowRootMode};

    use super::{all, document, one};

    /// A host element on the page with an open shadow root holding a div; the div.
    fn shadow_root_div() -> (Element, Element) {
        let host = document().create_element("section").expect("a section");
        document()
            .body()
            .expect("a body")
            .append_child(&host)
            .expect("attached");
        let shadow = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .expect("a shadow root");
        let root = document().create_element("div").expect("a div");
        shadow.append_child(&root).expect("attached");
        (host, root)
    }

    fn options(pairs: &[(&str, JsValue)]) -> JsValue {
        let object = js_sys::Object::new();
        for (key, value) in pairs {
            js_sys::Reflect::set(&object, &(*key).into(), value).expect("set");
        }
        object.into()
    }

    /// Records `type:view` for each widget event the host receives.
    fn record(host: &Element) -> (Rc<RefCell<Vec<String>>>, Vec<EventListener>) {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let listeners = ["mx-ready", "mx-change"]
            .into_iter()
            .map(|kind| {
                let seen = seen.clone();
                EventListener::new(host, kind, move |event| {
                    let view = event
                        .dyn_ref::<CustomEvent>()
                        .and_then(|e| js_sys::Reflect::get(&e.detail(), &"view".into()).ok())
                        .and_then(|v| v.as_string())
                        .unwrap_or_default();
                    seen.borrow_mut().push(format!("{kind}:{view}"));
                })
            })
            .collect();
        (seen, listeners)
    }

    #[wasm_bindgen_test]
    async fn an_embed_follows_its_options_tells_its_host_and_unmounts() {
        let (host, root) = shadow_root_div();
        let (seen, _listeners) = record(&host);
        let mut widget = embed::mount(root.clone(), options(&[("view", "map".into())]));
        yew::scheduler::flush().await;
        assert_eq!(
            one(&root, "[role=tabpanel]")
                .get_attribute("data-view")
                .as_deref(),
            Some("map")
        );
        assert!(root.class_list().contains("mx-root"));
        assert_eq!(root.get_attribute("data-theme").as_deref(), Some("auto"));
        assert_eq!(
            all(&root, "slot[name=cta]").len(),
            1,
            "a slot for the host's call to action"
        );
        assert_eq!(*seen.borrow(), ["mx-ready:map"]);

        widget.update(options(&[
            ("view", "safety".into()),
            ("theme", "dark".into()),
            ("compact", true.into()),
        ]));
        yew::scheduler::flush().await;
        assert_eq!(
            one(&root, "[role=tabpanel]")
                .get_attribute("data-view")
                .as_deref(),
            Some("safety")
        );
        assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
        assert!(root.has_attribute("data-compact"));

        let studies = all(&root, "[role=tab]")
            .into_iter()
            .find(|tab| tab.text_content().as_deref() == Some("Studies"))
            .expect("a Studies tab");
        studies.click();
        yew::scheduler::flush().await;
        assert_eq!(
            *seen.borrow(),
            ["mx-ready:map", "mx-change:safety", "mx-change:studies"]
        );

        widget.destroy();
        yew::scheduler::flush().await;
        assert_eq!(root.child_element_count(), 0, "unmounted");
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn bad_options_give_the_defaults_and_a_working_widget() {
        let (host, root) = shadow_root_div();
        let widget = embed::mount(
            root.clone(),
            options(&[("view", 42.into()), ("theme", "neon".into())]),
        );
        yew::scheduler::flush().await;
        assert_eq!(
            one(&root, "[role=tabpanel]")
                .get_attribute("data-view")
                .as_deref(),
            Some("answer")
        );
        assert_eq!(root.get_attribute("data-theme").as_deref(), Some("auto"));
        // Not even an object: still the defaults.
        let mut widget = widget;
        widget.update(JsValue::from_str("view=map"));
        yew::scheduler::flush().await;
        assert!(!all(&root, ".mx-answer-point").is_empty());
        widget.destroy();
        host.remove();
    }

    /// The host's `duration` presets the options view's question, and a new
    /// value applies to the live instance.
    #[wasm_bindgen_test]
    async fn the_duration_option_presets_the_options_and_follows_updates() {
        let (host, root) = shadow_root_div();
        let durations = |root: &Element| -> Vec<String> {
            all(root, ".mx-outlook")
                .iter()
                .filter_map(|o| o.get_attribute("data-duration"))
                .collect()
        };
        let mut widget = embed::mount(
            root.clone(),
            options(&[("view", "options".into()), ("duration", "recent".into())]),
        );
        yew::scheduler::flush().await;
        let shown = durations(&root);
        assert!(
            !shown.is_empty() && shown.iter().all(|d| d == "recent"),
            "{shown:?}"
        );
        widget.update(options(&[
            ("view", "options".into()),
            ("duration", "long-lasting".into()),
        ]));
        yew::scheduler::flush().await;
        let shown = durations(&root);
        assert!(
            !shown.is_empty() && shown.iter().all(|d| d == "long-lasting"),
            "{shown:?}"
        );
        widget.destroy();
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn the_region_option_puts_its_emergency_numbers_in_and_nothing_hides_them() {
        let (host, root) = shadow_root_div();
        let mut widget = embed::mount(
            root.clone(),
            options(&[
                ("region", "uk".into()),
                ("view", "safety".into()),
                ("compact", true.into()),
            ]),
        );
        yew::scheduler::flush().await;
        assert!(super::text(&root, ".mx-notice").contains("Call 999 now"));
        assert!(super::text(&root, ".mx-tier-same-day h4").contains("call 111"));
        widget.update(options(&[("region", "us".into())]));
        yew::scheduler::flush().await;
        assert!(super::text(&root, ".mx-notice").contains("Call 911 now"));
        widget.update(options(&[("region", "atlantis".into())]));
        yew::scheduler::flush().await;
        let notice = super::text(&root, ".mx-notice");
        assert!(
            notice.contains("Call your local emergency number now"),
            "{notice}"
        );
        assert!(
            notice.contains("bladder or bowels"),
            "the emergency signs stay on every view"
        );
        widget.destroy();
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn instances_have_their_own_ids() {
        let (first_host, first) = shadow_root_div();
        let (second_host, second) = shadow_root_div();
        let a = embed::mount(first.clone(), JsValue::UNDEFINED);
        let b = embed::mount(second.clone(), JsValue::UNDEFINED);
        yew::scheduler::flush().await;
        let id = |root: &Element| one(root, "[role=tabpanel]").id();
        assert_ne!(id(&first), id(&second));
        a.destroy();
        b.destroy();
        first_host.remove();
        second_host.remove();
    }

    #[wasm_bindgen_test]
    async fn the_standalone_app_has_no_cta_slot() {
        let root = super::mount(false).await;
        assert!(all(&root, "slot").is_empty());
    }
}

#[wasm_bindgen_test]
async fn a_folded_study_card_opens_its_details_on_request() {
    use massage_explainer::app::components::study_card::{StudyCard, StudyCardProps};
    let base = massage_explainer::claimbase::get();
    let index = base.study_by_id("cherkin-2011").expect("seeded");
    let study = base.study(index);
    let div = document().create_element("ul").expect("a list");
    document()
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("attached");
    let props = StudyCardProps {
        study: index,
        selected: false,
        words: Default::default(),
        folded: true,
    };
    yew::Renderer::<StudyCard>::with_root_and_props(div.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        all(&div, ".mx-quote").len(),
        1,
        "a folded card shows one quote"
    );
    assert!(all(&div, ".mx-discrepancies").is_empty());
    click(&div, ".mx-details-toggle").await;
    assert_eq!(all(&div, ".mx-quote").len(), study.mentions.len());
    assert!(!all(&div, ".mx-discrepancies li").is_empty());
    assert!(text(&div, ".mx-citation").contains("Ann Intern Med 2011"));
}

/// Separately started roots of one instance share its state (`app::store`): what
/// one dispatches, the other shows, whichever root the reader used.
mod shared_state {
    use super::*;
    use massage_explainer::app::route::View;
    use massage_explainer::app::state::{Action, AppState};
    use massage_explainer::app::store::{use_store, Dispatch};
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct IslandProps {
        store: Dispatch,
        goes_to: View,
    }

    /// A root showing the shared screen's view, with a button that moves it.
    #[component]
    fn Island(props: &IslandProps) -> Html {
        let state = use_store(&props.store);
        let onclick = {
            let (store, view) = (props.store.clone(), props.goes_to);
            Callback::from(move |_| store.dispatch(Action::ShowView(view)))
        };
        html! {
            <button class="island" data-view={state.route.screen.view().slug()} {onclick}>{ "go" }</button>
        }
    }

    fn start(store: &Dispatch, goes_to: View) -> Element {
        let div = attached_div();
        let props = IslandProps {
            store: store.clone(),
            goes_to,
        };
        yew::Renderer::<Island>::with_root_and_props(div.clone(), props).render();
        div
    }

    fn shown(root: &Element) -> String {
        one(root, ".island")
            .get_attribute("data-view")
            .unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn two_roots_show_one_state() {
        let store = Dispatch::new(AppState::default());
        let first = start(&store, View::Safety);
        let second = start(&store, View::Studies);
        yew::scheduler::flush().await;
        assert_eq!(
            (shown(&first), shown(&second)),
            ("answer".into(), "answer".into())
        );
        click(&first, ".island").await;
        assert_eq!(
            (shown(&first), shown(&second)),
            ("safety".into(), "safety".into())
        );
        click(&second, ".island").await;
        assert_eq!(
            (shown(&first), shown(&second)),
            ("studies".into(), "studies".into())
        );
        // A root started later begins from the state as it is now.
        let third = start(&store, View::Map);
        yew::scheduler::flush().await;
        assert_eq!(shown(&third), "studies");
        click(&third, ".island").await;
        assert_eq!(
            (shown(&first), shown(&second)),
            ("map".into(), "map".into())
        );
    }

    /// The reader's pain duration: one question on the options view changes what
    /// it shows, and nothing of it reaches the URL.
    #[wasm_bindgen_test]
    async fn the_duration_answer_narrows_the_options_and_stays_out_of_the_url() {
        let root = mount(true).await;
        click(&root, "#t-tab-options").await;
        let options = all(&root, ".mx-option").len();
        assert!(options >= 10, "{options} options");
        assert_eq!(
            all(&root, ".mx-outlook").len(),
            2 * options,
            "not sure: both durations"
        );
        let hash = || {
            web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default()
        };
        let before = hash();
        click(&root, "input[id$=duration-long-lasting]").await;
        let shown = all(&root, ".mx-outlook");
        assert_eq!(shown.len(), options);
        assert!(shown
            .iter()
            .all(|o| o.get_attribute("data-duration").as_deref() == Some("long-lasting")));
        assert_eq!(hash(), before);
        assert!(!hash().contains("long-lasting"), "{}", hash());
        click(&root, "input[id$=duration-unsure]").await;
        assert_eq!(all(&root, ".mx-outlook").len(), 2 * options);
    }
}
