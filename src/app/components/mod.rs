//! Small function components, one concern each.

pub mod claim;
pub mod evidence;
pub mod focus;
pub mod map;
pub mod notice;
pub mod quote;
pub mod safety;
pub mod sources;
pub mod studies;
pub mod tabs;
pub mod terms;
