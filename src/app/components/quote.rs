//! A verbatim passage, with a link that opens its article at the passage.

use yew::prelude::*;

use super::highlight::{highlighted, SearchWords};
use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::Passage;

#[derive(Properties, PartialEq)]
pub struct QuoteProps {
    pub passage: Passage,
    /// Search words to mark in the quote.
    #[prop_or_default]
    pub highlight: SearchWords,
}

/// A verbatim passage with its article; the article name opens the reader at it.
#[component]
pub fn Quote(props: &QuoteProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let name = base.source(props.passage.source).display_name();
    html! {
        <figure class="mx-quote">
            <blockquote><p>{ highlighted(base.passage_text(&props.passage), &props.highlight) }</p></blockquote>
            <figcaption>
                <button type="button" class="mx-link" onclick={ctx.send(Action::OpenPassage(props.passage))}
                    aria-label={format!("Read this passage in its article: {name}")}>
                    { name }
                </button>
            </figcaption>
        </figure>
    }
}
