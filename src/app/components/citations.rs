//! Citation export: copy APA, download RIS or CSL-JSON, made in the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::export::{copy_text, download};
use crate::claimbase;
use crate::claimbase::model::{Study, StudyIdx};
use crate::query::cite;

#[derive(Properties, PartialEq)]
pub struct CiteProps {
    pub studies: Rc<Vec<StudyIdx>>,
    /// Names the files: `massage-studies.ris`, `cherkin-2011.ris` ...
    pub file_stem: AttrValue,
}

/// Copy APA text, download RIS or CSL-JSON, all made in the browser.
#[component]
pub fn CiteButtons(props: &CiteProps) -> Html {
    let base = claimbase::get();
    let message = use_state_eq(|| None::<String>);
    // Shown for copying by hand when the browser refuses the clipboard.
    let manual = use_state_eq(|| None::<String>);
    // Citations are written on click, not per render: the list may be long.
    let chosen = props.studies.clone();
    let studies =
        move || -> Vec<&'static Study> { cite::citable(chosen.iter().map(|&i| base.study(i))) };
    let n = studies().len();
    if n == 0 {
        return html! {};
    }
    let references = if n == 1 {
        "reference".to_string()
    } else {
        format!("{n} references")
    };
    let on_copy = {
        let (message, manual) = (message.clone(), manual.clone());
        let references = references.clone();
        let studies = studies.clone();
        Callback::from(move |_| {
            let text = cite::apa_list(&studies());
            let (message, manual, references) =
                (message.clone(), manual.clone(), references.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match copy_text(&text).await {
                    Ok(()) => {
                        manual.set(None);
                        message.set(Some(format!("Copied the APA {references}.")));
                    }
                    Err(_) => {
                        message.set(Some(
                            "The browser would not copy; select the text below and copy it.".into(),
                        ));
                        manual.set(Some(text));
                    }
                }
            });
        })
    };
    let save = |extension: &'static str, mime: &'static str, write: fn(&[&Study]) -> String| {
        let message = message.clone();
        let file = format!("{}.{extension}", props.file_stem);
        let studies = studies.clone();
        Callback::from(move |_| {
            let text = write(&studies());
            message.set(Some(match download(&file, mime, &text) {
                Ok(()) => format!("Saved {file}."),
                Err(_) => format!("The browser would not save {file}."),
            }))
        })
    };
    let on_ris = save("ris", "application/x-research-info-systems", cite::ris);
    let on_csl = save(
        "json",
        "application/vnd.citationstyles.csl+json",
        cite::csl_json,
    );
    html! {
        <div class="mx-cite">
            <button type="button" class="mx-button mx-secondary" onclick={on_copy}>{ "Copy APA" }</button>
            <button type="button" class="mx-button mx-secondary" onclick={on_ris}>{ "Download RIS" }</button>
            <button type="button" class="mx-button mx-secondary" onclick={on_csl}>{ "Download CSL-JSON" }</button>
            <p class="mx-cite-status" role="status">{ (*message).clone().unwrap_or_default() }</p>
            if let Some(text) = (*manual).clone() {
                <textarea class="mx-cite-text" readonly=true rows="4" aria-label="APA references" value={text} />
            }
        </div>
    }
}

/// Export for the whole result list, saying what is left out and why.
pub fn cite_list(studies: Rc<Vec<StudyIdx>>) -> Html {
    let base = claimbase::get();
    let citable = cite::citable(studies.iter().map(|&i| base.study(i))).len();
    let left_out = studies.len() - citable;
    let note = match (citable, left_out) {
        (0, _) => {
            "None of these studies could be matched to a publication, so there is nothing to cite."
                .to_string()
        }
        (_, 0) => format!("Cite these {citable} published studies:"),
        (_, n) => {
            format!("Cite the {citable} published studies among these ({n} unverified left out):")
        }
    };
    html! {
        <section class="mx-cite-list" aria-label="Export citations">
            <p class="mx-cite-note">{ note }</p>
            <CiteButtons {studies} file_stem="massage-studies" />
        </section>
    }
}
