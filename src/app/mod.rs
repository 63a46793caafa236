//! The Yew app: state and components. Components only render what the claim base
//! and the state give them; they never parse.

pub mod components;

use yew::prelude::*;

use crate::claimbase;
use components::source_list::SourceList;

#[component]
pub fn App() -> Html {
    let sources = claimbase::sources();
    html! {
        <div class="mx-app">
            <header class="mx-header">
                <h1 class="mx-title">{ "How massage may help back pain" }</h1>
                <p class="mx-lede">
                    { "What the articles claim, what the research behind them found, and how strong the support is." }
                </p>
            </header>
            <main class="mx-main">
                <SourceList sources={sources} />
            </main>
        </div>
    }
}
