//! massage-explainer: an evidence-honest explainer of how massage therapy may help
//! back pain, compiled to wasm with its claim base bundled.
//!
//! Layers, data flowing one way: `claimbase` (bundled data) → `query` (answers
//! from it) and `draw` (pictures of it) → `app` (state and components).
//! Nothing here fetches anything at run time.

pub mod app;
pub mod claimbase;
// Pictures are drawn when the claim base is built: the wasm carries their markup.
#[cfg(not(target_arch = "wasm32"))]
pub mod draw;
pub mod embed;
pub mod query;

/// The memory allocator: Talc, in place of the standard library's dlmalloc, is
/// smaller in the wasm (about 2.5 KB brotli less) and faster; the widget runs on
/// one thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The id of the element the standalone page (`www/index.html`) mounts into.
pub const STANDALONE_ROOT_ID: &str = "massage-explainer-app";

/// Runs when the wasm module is instantiated: on the standalone page, mount the app
/// (it owns the URL hash, and announces `mx-ready` on its root, as an embed does).
/// On a page that embeds the widget there is no such element: `embed.js` mounts.
/// Instantiating the module, warming up Yew's hydration (`islands::warm_up`) and
/// taking over the page are three tasks, not one long one that would keep a phone
/// from answering the reader's first tap; `embed.js` waits a task for the same.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    // Two timers in the order they were set: two tasks, not nested.
    gloo_timers::callback::Timeout::new(0, app::islands::warm_up).forget();
    gloo_timers::callback::Timeout::new(0, mount_standalone).forget();
}

#[cfg(target_arch = "wasm32")]
fn mount_standalone() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STANDALONE_ROOT_ID));
    if let Some(root) = root {
        // The page's own view (each view has a static page; index.html is the default).
        let view = root
            .get_attribute("data-start")
            .and_then(|v| app::route::View::from_slug(&v));
        let mut props = app::standalone_props(view.unwrap_or_default());
        (props.on_ready, props.on_change) = embed::host_events(&root);
        // The release build prerenders the page's view into the root: the app takes
        // over those very nodes (hydration), so nothing is painted twice and the
        // largest paint stays the first one. A URL that asks for another screen
        // gets it rendered afresh.
        let prerendered = root.first_element_child().is_some();
        let instance = props.instance.clone();
        let renderer = yew::Renderer::<app::Explainer>::with_root_and_props(root.clone(), props);
        if prerendered && app::hooks::hash_screen(&app::hash::HashSync::Whole).is_none() {
            app::islands::take_over(renderer, &root, &instance);
        } else {
            renderer.render();
        }
    }
}
