//! Ontology terms (`ontology.toml`): mechanisms, techniques, conditions,
//! comparators and outcomes, in that order.

use super::{leak_str, leak_strs, Check};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::Ontology;
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::Term;

pub fn check(ontology: &Parsed<Ontology>, errors: &mut Vec<SeedError>) -> Vec<Term> {
    let mut check = Check::new(ontology.file, errors);
    ontology
        .seed
        .terms()
        .map(|(kind, t)| {
            check.non_empty(&t.id, "name", &t.name);
            check.non_empty(&t.id, "summary", &t.summary);
            Term {
                id: leak_str(t.id.get_ref().as_str()),
                kind,
                name: leak_str(t.name.as_str()),
                summary: leak_str(t.summary.as_str()),
                synonyms: leak_strs(&t.synonyms),
            }
        })
        .collect()
}
