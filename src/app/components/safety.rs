//! The Safety view: red flags, when to avoid massage, questions, self-care.

use yew::prelude::*;

use super::quote::Quote;
use crate::claimbase;
use crate::claimbase::kinds::SafetyKind;

/// Red flags, when to avoid massage, questions for a therapist, self-care.
#[component]
pub fn SafetyView() -> Html {
    let base = claimbase::get();
    html! {
        <>
            <p class="mx-intro">{ "Massage is one option for back pain, not a diagnosis. Start here if you are unsure whether massage is right for you." }</p>
            { for SafetyKind::ALL.iter().map(|&kind| {
                let items: Vec<_> = base.safety.iter().filter(|s| s.kind == kind).collect();
                html! {
                    <section class={classes!("mx-safety", format!("mx-safety-{}", kind.slug()))} aria-label={kind.label()}>
                        <h3>{ kind.label() }</h3>
                        <ul>
                            { for items.into_iter().map(|item| html! {
                                <li data-safety={item.id}>
                                    <p>{ item.text }</p>
                                    if let Some(basis) = item.basis {
                                        <p class="mx-basis">{ format!("Basis: {basis}") }</p>
                                    }
                                    { for item.supports.iter().map(|&passage| html! { <Quote {passage} /> }) }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </>
    }
}
