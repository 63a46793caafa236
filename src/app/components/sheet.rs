//! The take-home sheet: what a reader prints (the print stylesheet shows only
//! this): the short answer, the warning signs, questions to ask a therapist and
//! self-care, with the date of the evidence review and the address printed from.

use gloo_events::EventListener;
use yew::prelude::*;

use super::figure::figure_view;
use super::safety::what_to_do;
use crate::app::context::use_ctx;
use crate::app::state::Reader;
use crate::app::{edition, long_date};
use crate::claimbase;
use crate::claimbase::kinds::{SafetyKind, Tier};

/// A button that prints the take-home sheet.
pub fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <button type="button" class="mx-button mx-secondary mx-print" {onclick}>
            { "Print a take-home sheet" }
        </button>
    }
}

/// "Printed on 22 November 2026 from https://…": the reader's own date (local,
/// not UTC) and the page's address, as they are when printing.
fn printed_from() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let address = web_sys::window()?.location().href().ok()?;
    let now = js_sys::Date::new_0();
    let today = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    Some(format!(" Printed on {} from {address}", long_date(&today)))
}

#[derive(Properties, PartialEq)]
pub struct TakeHomeSheetProps {
    /// What the reader answered on the options view, printed with the decision.
    pub reader: Reader,
}

/// The sheet itself: hidden on screen, and once it is there the only thing printed.
#[component]
pub fn TakeHomeSheet(props: &TakeHomeSheetProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    // Written straight into the page, not through a render: a Print button's
    // `window.print()` runs before a state change would have rendered, and the
    // reader may have moved since the app started. Yew renders the span empty
    // and leaves its text alone.
    let printed = use_node_ref();
    {
        let printed = printed.clone();
        use_effect_with((), move |_| {
            let write = move || {
                if let Some(span) = printed.cast::<web_sys::Element>() {
                    span.set_text_content(printed_from().as_deref());
                }
            };
            write();
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, "beforeprint", move |_| write()));
            move || drop(listener)
        });
    }
    let region = ctx.region.map(|r| base.region(r));
    let items = |kind: SafetyKind| base.safety.iter().filter(move |s| s.kind == kind);
    html! {
        <section class="mx-sheet">
            <h2>{ base.title }</h2>
            <h3>{ "The short answer" }</h3>
            <p class="mx-sheet-summary">{ base.bottom_line.summary }</p>
            // Each answer in brief, as the screen shows it first (written to carry
            // its numbers' group, time and range; the pictures below carry the
            // rest), so the sheet stays within two pages.
            <dl>
                { for base.bottom_line.points.iter().map(|p| html! {
                    <><dt>{ p.question.label() }</dt><dd>{ p.short.unwrap_or(p.text) }</dd></>
                }) }
            </dl>
            { your_choice(&YourChoiceProps { reader: props.reader }) }
            <h3>{ SafetyKind::RedFlag.label() }</h3>
            { for Tier::ALL.iter().map(|&tier| html! {
                <>
                    <p class="mx-sheet-tier">{ what_to_do(tier, region) }</p>
                    <ul>{ for base.safety.iter().filter(|s| s.tier == Some(tier)).map(|s| html! { <li>{ s.text }</li> }) }</ul>
                </>
            }) }
            // For a reader who listed options but not massage, the therapist's
            // questions are not theirs to ask.
            if props.reader.shortlist.is_empty() || base.options.massage().is_some_and(|m| props.reader.shortlist.has(m.index())) {
                <h3>{ "Questions to ask a massage therapist" }</h3>
                <ul>{ for items(SafetyKind::Question).map(|s| html! { <li>{ s.text }</li> }) }</ul>
            }
            <h3>{ "Looking after your back" }</h3>
            <ul>{ for items(SafetyKind::SelfCare).map(|s| html! { <li>{ s.text }</li> }) }</ul>
            // The pictures side by side, small, last (each has its title): the
            // short answer above says the same, and the warning signs come first.
            <div class="mx-sheet-figures">
                { for base.bottom_line.points.iter().flat_map(|p| p.figures).map(|figure| figure_view(figure, true)) }
            </div>
            <p class="mx-sheet-footer">
                { format!("Evidence reviewed {}. Written by: {}. {}", long_date(base.reviewed), base.written_by, edition()) }
                <span ref={printed}></span>
            </p>
        </section>
    }
}

struct YourChoiceProps {
    reader: Reader,
}

/// The decision, and what the reader ticked on the options view: what matters
/// to them and the options they want to ask about (nothing when they ticked
/// nothing, so the sheet stays short).
fn your_choice(props: &YourChoiceProps) -> Html {
    let options = &claimbase::get().options;
    let reader = props.reader;
    if reader.matters.is_empty() && reader.shortlist.is_empty() {
        return html! {};
    }
    let matters = options
        .matters_indexed()
        .filter(|(m, _)| reader.matters.has(m.index()))
        .map(|(_, m)| html! { <li>{ m.label }</li> });
    let shortlist = options
        .choices_indexed()
        .filter(|(o, _)| reader.shortlist.has(o.index()))
        .map(|(_, o)| html! { <li>{ o.name }</li> });
    html! {
        <section class="mx-sheet-choice">
            <h3>{ options.decision }</h3>
            if !reader.matters.is_empty() {
                <p>{ "What matters most to me:" }</p>
                <ul>{ for matters }</ul>
            }
            if !reader.shortlist.is_empty() {
                <p>{ "Options I want to ask about:" }</p>
                <ul>{ for shortlist }</ul>
            }
        </section>
    }
}
