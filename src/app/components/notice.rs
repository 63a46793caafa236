//! The safety notice shown on every view; no embed option hides it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::route::View;
use crate::app::state::Action;

/// The safety notice on every view. No embed option hides it.
#[component]
pub fn SafetyNotice() -> Html {
    let ctx = use_ctx();
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |event: MouseEvent| {
            ctx.dispatch.dispatch(Action::ShowView(View::Safety));
            // Focus follows to the Safety tab, so a screen reader says which view
            // opened and the next Tab goes into it. Looked up from the widget, not
            // the document, which may hold other instances.
            let tab = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(".mx-app").ok().flatten())
                .and_then(|app| {
                    let selector = format!("#{}", ctx.id(&format!("tab-{}", View::Safety.slug())));
                    app.query_selector(&selector).ok().flatten()
                })
                .and_then(|tab| tab.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        })
    };
    html! {
        // A note, not an aside: an embed adds no landmark to its host's page.
        <div class="mx-notice" role="note" aria-label="Safety notice">
            <p>
                <strong>{ "Massage is not a diagnosis. " }</strong>
                { "Back pain with fever, numbness in the groin, new bladder or bowel problems, a history of cancer, unexplained weight loss or a recent injury needs a doctor first. " }
                <button type="button" class="mx-link" {onclick}>
                    { "Read the safety guidance" }
                </button>
            </p>
        </div>
    }
}
