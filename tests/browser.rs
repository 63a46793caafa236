//! Component tests in headless Chromium (wasm-bindgen-test; `make test` runs them).
#![cfg(target_arch = "wasm32")]

use massage_explainer::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container attached to the test page's body.
fn container() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("attached");
    div
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .map(|el| el.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn app_lists_every_bundled_source() {
    let root = container();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let titles = texts(&root, ".mx-source-title");
    assert_eq!(titles.len(), 5);
    assert_eq!(
        titles[3],
        "The Effectiveness of Massage for Lower Back Pain"
    );
    assert!(titles[0].starts_with("“There is no one-size-fits-all"));
    let heading = texts(&root, "#mx-sources-heading");
    assert_eq!(heading, ["Sources (5)"]);
}
