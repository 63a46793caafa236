//! The emergency warning signs, on every view: when to call the emergency
//! number now, with the number of the reader's region when the host gave one.
//! No embed option hides it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::route::View;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Tier;

/// "Call 999 now", or "Call your local emergency number now".
pub fn call_now(region: Option<&claimbase::model::Region>) -> String {
    match region {
        Some(region) => format!("Call {} now", region.emergency),
        None => "Call your local emergency number now".to_string(),
    }
}

#[component]
pub fn SafetyNotice() -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let region = ctx.region.map(|r| base.region(r));
    let signs = base
        .safety
        .iter()
        .filter(|s| s.tier == Some(Tier::Emergency));
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
        <div class="mx-notice" role="note" aria-label="Emergency warning signs">
            <p><strong>{ call_now(region) }</strong>{ " if you have back pain with any of these:" }</p>
            <ul class="mx-notice-signs">
                { for signs.map(|s| html! { <li data-safety={s.id}>{ s.text }</li> }) }
            </ul>
            <p>
                <button type="button" class="mx-link" {onclick}>{ "Other warning signs, and when to avoid massage" }</button>
            </p>
        </div>
    }
}
