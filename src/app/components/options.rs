//! "Your options": the decision stated, the reader's pain duration asked, and
//! every option in equal detail (the same rows, in the same order, in the same
//! type), each fact with the records it rests on or marked as not known.

use yew::prelude::*;

use super::bottom_line::Cites;
use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::{PainDuration, SafetyKind};
use crate::claimbase::model::{CareOption, Fact, Outlook};

#[derive(Properties, PartialEq)]
pub struct OptionsViewProps {
    /// How long the reader's pain has lasted; `None`: not sure, so both show.
    pub duration: Option<PainDuration>,
}

#[component]
pub fn OptionsView(props: &OptionsViewProps) -> Html {
    let base = claimbase::get();
    let options = &base.options;
    html! {
        <div class="mx-options">
            <p class="mx-intro mx-decision">{ options.decision }</p>
            <p class="mx-intro">
                { "Here is every option that guidelines name, with the same questions answered for each: what it involves, how much it may help, for how long, its harms, and what three guidelines say. Where no checked source gives an answer, we say so." }
            </p>
            <DurationQuestion duration={props.duration} />
            <ol class="mx-option-list">
                { for options.choices.iter().map(|choice| html! {
                    <li key={choice.id}>
                        <OptionCard {choice} duration={props.duration} />
                    </li>
                }) }
            </ol>
            <MassageCourse />
        </div>
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
            <h3 id={ctx.id("course")}>{ "If you try massage: what a course involves" }</h3>
            <ul>
                { for base.options.course.iter().map(|&fact| html! {
                    <li>
                        { fact.text }
                        <Cites cites={fact.cites} />
                    </li>
                }) }
            </ul>
            <h4>{ "Settle these with the therapist before you start" }</h4>
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
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct OptionCardProps {
    choice: &'static CareOption,
    duration: Option<PainDuration>,
}

/// One option: what it involves, then for each pain duration shown, the same
/// four questions.
#[component]
fn OptionCard(props: &OptionCardProps) -> Html {
    let choice = props.choice;
    let outlooks = choice
        .outlooks
        .iter()
        .filter(|o| props.duration.is_none_or(|d| d == o.duration));
    html! {
        <article class="mx-card mx-option" data-option={choice.id}>
            <h3>{ choice.name }</h3>
            <p>{ choice.what }</p>
            <dl class="mx-option-facts">
                <FactRow label="Who gives it" fact={choice.given_by} />
                <FactRow label="How many sessions" fact={choice.sessions} />
                <FactRow label="Can you do it yourself?" fact={choice.by_yourself} />
                <FactRow label="Cost" fact={choice.cost} />
            </dl>
            <div class="mx-outlooks">
                { for outlooks.map(|outlook| html! { <OutlookBlock {outlook} /> }) }
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct OutlookProps {
    outlook: &'static Outlook,
}

#[component]
fn OutlookBlock(props: &OutlookProps) -> Html {
    let base = claimbase::get();
    let outlook = props.outlook;
    let heading = match outlook.duration {
        PainDuration::Recent => "If your pain started under 12 weeks ago",
        PainDuration::LongLasting => "If your pain has lasted over 12 weeks",
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
                <FactRow label="How much it may help" fact={outlook.helps} extra={certainty} />
                <FactRow label="For how long" fact={outlook.lasts} />
                <FactRow label="Harms" fact={outlook.harms} />
                { for base.options.guidelines.iter().zip(outlook.guidelines).map(|(&g, &fact)| {
                    let label = format!("What {} says", base.guideline(g).short);
                    html! { <FactRow {label} {fact} /> }
                }) }
            </dl>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FactRowProps {
    label: AttrValue,
    fact: Fact,
    /// Shown after the label (the certainty of an estimate).
    #[prop_or_default]
    extra: Option<Html>,
}

/// A question and its answer, or "Not known" and why: never an empty cell.
#[component]
fn FactRow(props: &FactRowProps) -> Html {
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
