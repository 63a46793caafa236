//! massage-explainer: an evidence-honest explainer of how massage therapy may help
//! back pain, compiled to wasm with its claim base bundled.
//!
//! Layers, data flowing one way: `claimbase` (bundled data) → `app` (state and
//! components). Nothing here fetches anything at run time.

pub mod app;
pub mod claimbase;
pub mod embed;
pub mod query;

/// The id of the element the standalone page (`www/index.html`) mounts into.
pub const STANDALONE_ROOT_ID: &str = "massage-explainer-app";

/// Runs when the wasm module is instantiated: on the standalone page, mount the app
/// (it owns the URL hash, and announces `mx-ready` on its root, as an embed does).
/// On a page that embeds the widget there is no such element: `embed.js` mounts.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
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
        // Rendering replaces the prerendered markup with identical live markup, in
        // the same task: nothing flashes or moves.
        yew::Renderer::<app::Explainer>::with_root_and_props(root, props).render();
    }
}
