//! Who stands behind the guide (the IPDAS certification items): how it is
//! written and checked, who pays, how current the research is, and when it is
//! next reviewed. In every view's footer, folded, so no host can leave it out;
//! its body is built when first opened.

use yew::prelude::*;

use super::bottom_line::Cites;
use super::focus::use_opened_once;
use crate::app::context::use_ctx;
use crate::app::long_date;
use crate::claimbase;

#[component]
pub fn AboutGuide() -> Html {
    let ctx = use_ctx();
    // The body is rendered once the reader first opens it: on every view it is
    // there to open, and until then the page need not build (or hydrate) it.
    let (opened, ontoggle, details) = use_opened_once();
    html! {
        <details class="mx-about" id={ctx.id("about")} ref={details} {ontoggle}>
            <summary>{ "Who stands behind this guide: how it is written, who pays for it, how up to date it is" }</summary>
            if opened {
                { about_body() }
            }
        </details>
    }
}

fn about_body() -> Html {
    let base = claimbase::get();
    let about = &base.about;
    html! {
        <>
            <h3>{ "How it is written and checked" }</h3>
            <p>{ about.method }</p>
            <h3>{ "Who pays for it" }</h3>
            <p>{ about.funding }{ " " }{ base.independence }</p>
            <h3>{ "How up to date the research is" }</h3>
            <ul>
                { for about.searched.iter().map(|&fact| html! {
                    <li>{ fact.text }<Cites cites={fact.cites} /></li>
                }) }
            </ul>
            <h3>{ "When it is updated" }</h3>
            <p>{ about.updates }{ format!(" The next review is due by {}.", long_date(about.next_review)) }</p>
        </>
    }
}
