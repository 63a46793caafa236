//! Citation export, generated locally: APA-style text, RIS and CSL-JSON for the
//! identified studies. Unverified mentions have no publication to cite, so they
//! are left out (the UI says how many).

use crate::claimbase::model::{Publication, Study};

/// An author as the citation formats want it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub family: String,
    /// Initials with full stops: "D. C.".
    pub given: String,
}

/// Vancouver-style authors ("Cherkin DC, Sherman KJ, et al.") as names, and
/// whether the list was cut short with "et al.".
pub fn authors(list: &str) -> (Vec<Author>, bool) {
    let mut truncated = false;
    let mut out = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let name = name.trim_end_matches('.');
        if name.eq_ignore_ascii_case("et al") {
            truncated = true;
            continue;
        }
        let split = name
            .rsplit_once(' ')
            .filter(|(_, initials)| initials.chars().all(|c| c.is_uppercase()));
        out.push(match split {
            Some((family, initials)) => Author {
                family: family.to_string(),
                given: initials
                    .chars()
                    .map(|c| format!("{c}."))
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            None => Author {
                family: name.to_string(),
                given: String::new(),
            },
        });
    }
    (out, truncated)
}

fn with_full_stop(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The studies that can be cited: those matched to a publication.
pub fn citable<'a>(studies: impl IntoIterator<Item = &'a Study>) -> Vec<&'a Study> {
    studies
        .into_iter()
        .filter(|s| s.identified.is_some())
        .collect()
}

/// APA-style reference (7th edition shape, plain text).
pub fn apa(p: &Publication) -> String {
    let (names, truncated) = authors(p.authors);
    let mut names: Vec<String> = names
        .iter()
        .map(|a| match a.given.is_empty() {
            true => a.family.clone(),
            false => format!("{}, {}", a.family, a.given),
        })
        .collect();
    let authors = match (names.pop(), truncated) {
        (None, _) => String::new(),
        (Some(last), true) => {
            names.push(last);
            format!("{}, et al.", names.join(", "))
        }
        (Some(last), false) if names.is_empty() => last,
        (Some(last), false) => format!("{}, & {last}", names.join(", ")),
    };
    let mut source = p.journal.to_string();
    if !p.volume.is_empty() {
        source.push_str(&format!(", {}", p.volume));
    }
    if !p.issue.is_empty() {
        source.push_str(&format!("({})", p.issue));
    }
    if !p.pages.is_empty() {
        source.push_str(&format!(", {}", p.pages));
    }
    let doi = if p.doi.is_empty() {
        String::new()
    } else {
        format!(" https://doi.org/{}", p.doi)
    };
    format!(
        "{} ({}). {} {}.{doi}",
        with_full_stop(&authors),
        p.year.map_or_else(|| "n.d.".to_string(), |y| y.to_string()),
        with_full_stop(p.title),
        source
    )
}

/// APA references for several studies, one paragraph each.
pub fn apa_list(studies: &[&Study]) -> String {
    studies
        .iter()
        .filter_map(|s| s.identified.as_ref())
        .map(apa)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A RIS file (for reference managers).
pub fn ris(studies: &[&Study]) -> String {
    let mut out = String::new();
    for study in studies {
        let Some(p) = &study.identified else { continue };
        let mut line = |tag: &str, value: &str| {
            if !value.is_empty() {
                out.push_str(&format!(
                    "{tag}  - {}\r\n",
                    value.replace(['\r', '\n'], " ")
                ));
            }
        };
        line("TY", "JOUR");
        line("ID", study.id);
        for a in authors(p.authors).0 {
            match a.given.is_empty() {
                true => line("AU", &a.family),
                false => line("AU", &format!("{}, {}", a.family, a.given)),
            }
        }
        line("TI", p.title);
        line("T2", p.journal);
        if let Some(year) = p.year {
            line("PY", &year.to_string());
        }
        line("VL", p.volume);
        line("IS", p.issue);
        match p.pages.split_once('-') {
            Some((start, end)) => {
                line("SP", start);
                line("EP", end);
            }
            None => line("SP", p.pages),
        }
        line("DO", p.doi);
        if !p.doi.is_empty() {
            line("UR", &format!("https://doi.org/{}", p.doi));
        }
        line(
            "N1",
            &format!("Mentioned in the articles as: {}", study.label),
        );
        // The end tag has no value, which `line` would skip.
        out.push_str("ER  - \r\n");
    }
    out
}

/// `text` as a JSON string literal.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// CSL-JSON (the format of Zotero, Pandoc and citeproc), as an array.
pub fn csl_json(studies: &[&Study]) -> String {
    let items: Vec<String> = studies
        .iter()
        .filter_map(|study| {
            let p = study.identified.as_ref()?;
            let mut fields = vec![
                format!("\"id\": {}", json_string(study.id)),
                "\"type\": \"article-journal\"".to_string(),
                format!("\"title\": {}", json_string(p.title)),
            ];
            let names: Vec<String> = authors(p.authors)
                .0
                .iter()
                .map(|a| {
                    format!(
                        "{{\"family\": {}, \"given\": {}}}",
                        json_string(&a.family),
                        json_string(&a.given)
                    )
                })
                .collect();
            fields.push(format!("\"author\": [{}]", names.join(", ")));
            fields.push(format!("\"container-title\": {}", json_string(p.journal)));
            if let Some(year) = p.year {
                fields.push(format!("\"issued\": {{\"date-parts\": [[{year}]]}}"));
            }
            for (key, value) in [
                ("volume", p.volume),
                ("issue", p.issue),
                ("page", p.pages),
                ("DOI", p.doi),
            ] {
                if !value.is_empty() {
                    fields.push(format!("\"{key}\": {}", json_string(value)));
                }
            }
            fields.push(format!(
                "\"note\": {}",
                json_string(&format!("Mentioned in the articles as: {}", study.label))
            ));
            Some(format!("  {{\n    {}\n  }}", fields.join(",\n    ")))
        })
        .collect();
    format!("[\n{}\n]\n", items.join(",\n"))
}
