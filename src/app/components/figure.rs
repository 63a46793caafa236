//! A figure: its heading, the picture (drawn by `draw::figure` when the claim
//! base is built; the same markup in the prerendered page), the same in words with the records it rests
//! on, and how sure that evidence is. On the take-home sheet, the heading and
//! the picture only: the sentence above it has the words.

use yew::prelude::*;

use super::bottom_line::Cites;
use crate::claimbase::kinds::Certainty;
use crate::claimbase::model::Figure;

/// A figure; `compact`, for the printed sheet: no caption in words, no links.
/// A plain function, not a component (each component costs the wasm).
pub fn figure_view(figure: &'static Figure, compact: bool) -> Html {
    // Drawn when the claim base was built, from its own checked values, every
    // text in it escaped (`draw::escape`).
    let picture = Html::from_html_unchecked(figure.svg.into());
    let certainty = (figure.certainty != Certainty::Unstated).then(|| figure.certainty.label());
    html! {
        <figure class="mx-figure" data-figure={figure.kind.slug()}>
            <figcaption class="mx-figure-title">{ figure.title }</figcaption>
            { picture }
            if !compact {
                <p class="mx-figure-says">{ figure.says }<Cites cites={figure.cites} /></p>
            }
            if let Some(certainty) = certainty {
                <p class="mx-figure-certainty"><span class="mx-label">{ "How sure: " }</span>{ certainty }</p>
            }
        </figure>
    }
}
