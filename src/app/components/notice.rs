use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::route::View;
use crate::app::state::Action;

/// The safety notice on every view. No embed option hides it.
#[component]
pub fn SafetyNotice() -> Html {
    let ctx = use_ctx();
    html! {
        // A note, not an aside: an embed adds no landmark to its host's page.
        <div class="mx-notice" role="note" aria-label="Safety notice">
            <p>
                <strong>{ "Massage is not a diagnosis. " }</strong>
                { "Back pain with fever, numbness in the groin, new bladder or bowel problems, a history of cancer, unexplained weight loss or a recent injury needs a doctor first. " }
                <button type="button" class="mx-link" onclick={ctx.send(Action::ShowView(View::Safety))}>
                    { "Read the safety guidance" }
                </button>
            </p>
        </div>
    }
}
