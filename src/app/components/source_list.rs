use yew::prelude::*;

use crate::claimbase::Source;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub sources: &'static [Source],
}

/// The source articles the claim base is compiled from.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    html! {
        <section class="mx-sources" aria-labelledby="mx-sources-heading">
            <h2 id="mx-sources-heading">{ format!("Sources ({})", props.sources.len()) }</h2>
            <ul class="mx-source-list">
                { for props.sources.iter().map(|source| html! { <SourceItem key={source.id} {source} /> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SourceItemProps {
    source: &'static Source,
}

#[component]
fn SourceItem(props: &SourceItemProps) -> Html {
    let source = props.source;
    let byline = match (source.byline, source.publisher) {
        (Some(name), Some(publisher)) => Some(format!("By {name}, {publisher}")),
        (Some(name), None) => Some(format!("By {name}")),
        (None, Some(publisher)) => Some(publisher.to_string()),
        (None, None) => None,
    };
    html! {
        <li class="mx-source" data-source={source.id}>
            <h3 class="mx-source-title">{ source.display_name() }</h3>
            <p class="mx-source-meta">
                <span class="mx-source-words">{ format!("{} words", source.word_count) }</span>
                if let Some(byline) = byline {
                    <span class="mx-source-byline">{ byline }</span>
                }
                if source.title.is_none() {
                    <span class="mx-source-untitled">{ "Untitled article" }</span>
                }
            </p>
            if let Some(url) = source.url {
                // The address as text: the widget never requests it.
                <p class="mx-source-url"><span class="mx-label">{ "Source address: " }</span><code>{ url }</code></p>
            }
        </li>
    }
}
