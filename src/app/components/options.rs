//! "Your options": the decision stated, the reader's pain duration asked, and
//! every option in equal detail (the same rows, in the same order, in the same
//! type), each fact with the records it rests on or marked as not known.

use yew::prelude::*;

use super::bottom_line::Cites;
use super::call_to_action::call_to_action;
use super::safety::what_to_do;
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::state::{Action, Marks, Reader};
use crate::claimbase;
use crate::claimbase::kinds::{PainDuration, SafetyKind};
use crate::claimbase::model::{CareOption, CareOptionIdx, Fact, Outlook};

#[derive(Properties, PartialEq)]
pub struct OptionsViewProps {
    /// The reader's answers: pain duration, what matters, their shortlist.
    pub reader: Reader,
}

#[component]
pub fn OptionsView(props: &OptionsViewProps) -> Html {
    let base = claimbase::get();
    let options = &base.options;
    let reader = props.reader;
    let cta = use_ctx().cta;
    html! {
        <div class="mx-options">
            <p class="mx-intro mx-decision">{ options.decision }</p>
            <p class="mx-intro">{ options.condition.text }<Cites cites={options.condition.cites} /></p>
            <p class="mx-intro">
                { format!("Here are {} options that guidelines discuss, with the same questions answered for each: what it involves, how much it helps, for how long, its harms, and what three guidelines say. Where the research we read gives no answer, we say so.", options.choices.len()) }
            </p>
            { certainty_key() }
            <Island>
                <DurationQuestion duration={reader.duration} />
                <WhatMatters matters={reader.matters} />
            </Island>
            <ol class="mx-option-list">
                { for options.choices_indexed().map(|(idx, choice)| html! {
                    <li key={choice.id}>
                        <Island><OptionCard {idx} {choice} {reader} /></Island>
                    </li>
                }) }
            </ol>
            { call_to_action(cta) }
            <Island><MassageCourse /></Island>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WhatMattersProps {
    matters: Marks,
}

/// "What matters to you": each box ticked marks the options that fit it. The
/// answers stay in this page's memory and print on the take-home sheet.
#[component]
fn WhatMatters(props: &WhatMattersProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    html! {
        <fieldset class="mx-matters">
            <legend>{ "What matters most to you? Tick any that do." }</legend>
            <div class="mx-matter-choices">
                { for base.options.matters_indexed().map(|(idx, matter)| {
                    let id = ctx.id(&format!("matter-{}", matter.id));
                    html! {
                        <label class="mx-matter-choice" for={id.clone()} key={matter.id}>
                            <input type="checkbox" {id} checked={props.matters.has(idx.index())}
                                onchange={ctx.send(Action::ToggleMatter(idx))} />
                            { matter.label }
                        </label>
                    }
                }) }
            </div>
            <p class="mx-note">{ "Each option below then shows which of these it fits. There is no right answer: what matters is yours to weigh. Nothing is saved or sent." }</p>
        </fieldset>
    }
}

/// If the reader chooses massage: what a course involves, what to settle with
/// the therapist first, and what to do if it goes badly.
#[component]
fn MassageCourse() -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let questions = base
        .safety_indexed()
        .filter(|(_, item)| item.kind == SafetyKind::Question);
    html! {
        <section class="mx-card mx-course" aria-labelledby={ctx.id("course")}>
            <h3 id={ctx.id("course")}>{ "If you choose massage: what a course involves" }</h3>
            <ul>
                { for base.options.course.iter().map(|&fact| html! {
                    <li>
                        { fact.text }
                        <Cites cites={fact.cites} />
                    </li>
                }) }
            </ul>
            <h4>{ "Ask the therapist before you start" }</h4>
            <ul>
                { for questions.map(|(idx, item)| html! {
                    <li key={item.id}>
                        <button type="button" class="mx-link" onclick={ctx.send(Action::OpenSafety(idx))}>{ item.text }</button>
                    </li>
                }) }
                <li>{ "What does it cost, and does my insurance or health service pay for any of it?" }</li>
            </ul>
            <p class="mx-course-warning">
                <strong>{ "If your pain gets much worse, or you get new numbness, tingling or weakness after a session, " }</strong>
                { "stop and check the warning signs at the top of this page. They say when to get help now." }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DurationQuestionProps {
    duration: Option<PainDuration>,
}

/// How long the pain has lasted: guidelines and evidence differ for recent and
/// long-lasting pain. The answer stays in this page's memory.
#[component]
fn DurationQuestion(props: &DurationQuestionProps) -> Html {
    let ctx = use_ctx();
    let choices = PainDuration::ALL
        .iter()
        .map(|&d| (Some(d), d.label()))
        .chain(std::iter::once((None, "Not sure: show both")));
    let name = ctx.id("duration");
    let base = claimbase::get();
    let not_improving = base.options.not_improving;
    let warning = base.safety_item(not_improving);
    html! {
        <fieldset class="mx-duration">
            <legend>{ "How long has your back pain lasted?" }</legend>
            <div class="mx-duration-choices">
                { for choices.map(|(value, label)| {
                    let id = ctx.id(&format!("duration-{}", value.map_or("unsure", |d| d.slug())));
                    html! {
                        <label class="mx-duration-choice" for={id.clone()}>
                            <input type="radio" {id} name={name.clone()} checked={props.duration == value}
                                onchange={ctx.send(Action::AnswerDuration(value))} />
                            { label }
                        </label>
                    }
                }) }
            </div>
            <p class="mx-note">{ "Your answer only changes what this page shows. It is not saved or sent anywhere." }</p>
            <p class="mx-duration-warning">
                <strong>{ format!("However long it has lasted: {} ", warning.tier.map(|t| what_to_do(t, None)).unwrap_or_default()) }</strong>
                <button type="button" class="mx-link" onclick={ctx.send(Action::OpenSafety(not_improving))}>{ warning.text }</button>
            </p>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct OptionCardProps {
    idx: CareOptionIdx,
    choice: &'static CareOption,
    reader: Reader,
}

/// One option: what it involves, what it fits of what the reader ticked, then
/// for each pain duration shown, the same four questions.
#[component]
fn OptionCard(props: &OptionCardProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let (choice, reader) = (props.choice, props.reader);
    let outlooks = choice
        .outlooks
        .iter()
        .filter(|o| reader.duration.is_none_or(|d| d == o.duration));
    let fits: Vec<&str> = base
        .options
        .matters_indexed()
        .filter(|(m, matter)| reader.matters.has(m.index()) && matter.fits.contains(&props.idx))
        .map(|(_, matter)| matter.label)
        .collect();
    let listed = reader.shortlist.has(props.idx.index());
    html! {
        <article class="mx-card mx-option" data-option={choice.id}>
            <h3>{ choice.name }</h3>
            if !fits.is_empty() {
                <p class="mx-fits"><strong>{ "Fits what matters to you: " }</strong>{ fits.join("; ") }</p>
            }
            <p>{ choice.what }</p>
            <dl class="mx-option-facts">
                { fact_row(&FactRowProps { label: "Who gives it".into(), fact: choice.given_by, extra: None }) }
                { fact_row(&FactRowProps { label: "How many sessions".into(), fact: choice.sessions, extra: None }) }
                { fact_row(&FactRowProps { label: "Can you do it yourself?".into(), fact: choice.by_yourself, extra: None }) }
                { fact_row(&FactRowProps { label: "Cost".into(), fact: choice.cost, extra: None }) }
            </dl>
            <div class="mx-outlooks">
                { for outlooks.map(|outlook| outlook_block(&OutlookProps { outlook })) }
            </div>
            <label class="mx-shortlist">
                <input type="checkbox" checked={listed} onchange={ctx.send(Action::ToggleShortlist(props.idx))} />
                { "On my list to ask about (it prints on the take-home sheet)" }
            </label>
        </article>
    }
}

struct OutlookProps {
    outlook: &'static Outlook,
}

fn outlook_block(props: &OutlookProps) -> Html {
    let base = claimbase::get();
    let outlook = props.outlook;
    let heading = match outlook.duration {
        PainDuration::Recent => "If your pain started less than 3 months (12 weeks) ago",
        PainDuration::LongLasting => "If your pain has lasted more than 3 months",
    };
    let certainty = outlook.certainty.map(|c| {
        html! {
            <span class="mx-certainty" data-certainty={c.slug()}>{ c.label() }</span>
        }
    });
    html! {
        <section class="mx-outlook" data-duration={outlook.duration.slug()}>
            <h4>{ heading }</h4>
            <dl class="mx-option-facts">
                { fact_row(&FactRowProps { label: "How much it helps".into(), fact: outlook.helps, extra: certainty }) }
                { fact_row(&FactRowProps { label: "For how long".into(), fact: outlook.lasts, extra: None }) }
                { fact_row(&FactRowProps { label: "Harms".into(), fact: outlook.harms, extra: None }) }
                { for base.options.guidelines.iter().zip(outlook.guidelines).map(|(&g, &fact)| {
                    let label = format!("What {} says", base.guideline(g).short);
                    fact_row(&FactRowProps { label: label.into(), fact, extra: None })
                }) }
            </dl>
        </section>
    }
}

struct FactRowProps {
    label: AttrValue,
    fact: Fact,
    /// Shown after the label (the certainty of an estimate).
    extra: Option<Html>,
}

/// A question and its answer, or "Not known" and why: never an empty cell.
fn fact_row(props: &FactRowProps) -> Html {
    let fact = props.fact;
    html! {
        <div class="mx-fact" data-known={fact.known.to_string()}>
            <dt>{ props.label.clone() }{ props.extra.clone() }</dt>
            if fact.known {
                <dd>
                    { fact.text }
                    <Cites cites={fact.cites} />
                </dd>
            } else {
                <dd class="mx-unknown"><strong>{ "Not known. " }</strong>{ fact.text }</dd>
            }
        </div>
    }
}

/// What the certainty chips mean, in GRADE's plain words: above the options grid
/// and the guidelines, wherever the chips are.
pub fn certainty_key() -> Html {
    html! {
        <p class="mx-note mx-certainty-key">
            <strong>{ "How sure the research is: " }</strong>
            { "High: we are confident. Moderate: it is probably like this. Low: it may be like this, but the truth could be quite different. Very low: we are very uncertain." }
        </p>
    }
}
