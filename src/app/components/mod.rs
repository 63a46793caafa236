//! Small function components, one concern each.

pub mod about;
pub mod answer;
pub mod bottom_line;
pub mod call_to_action;
pub mod citations;
pub mod claim;
pub mod evidence;
pub mod evidence_map;
pub mod facets;
pub mod figure;
pub mod find;
pub mod focus;
pub mod grid;
pub mod highlight;
pub mod map;
pub mod notice;
pub mod options;
pub mod quote;
pub mod report_card;
pub mod safety;
pub mod sheet;
pub mod sources;
pub mod studies;
pub mod study_card;
pub mod tabs;
pub mod terms;
