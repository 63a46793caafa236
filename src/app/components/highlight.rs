//! Search matches marked with `<mark>`, built from text nodes, never HTML.

use std::rc::Rc;

use yew::prelude::*;

use crate::claimbase::fold;

/// The folded words of the current search, shared by every card.
pub type SearchWords = Rc<Vec<String>>;

/// Text with the words matching the search wrapped in `<mark>`: plain text
/// nodes and marks, never HTML built from the text.
pub fn highlighted(text: &'static str, words: &[String]) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in fold::match_ranges(text, words) {
        if let (Some(before), Some(hit)) = (text.get(at..start), text.get(start..end)) {
            parts.push(html! { { before } });
            parts.push(html! { <mark class="mx-mark">{ hit }</mark> });
            at = end;
        }
    }
    parts.push(html! { { text.get(at..).unwrap_or_default() } });
    parts.into_iter().collect()
}
