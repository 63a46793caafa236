//! Questions the views ask of the claim base. Pure Rust, no DOM; tested natively.

pub mod cite;
pub mod everything;
pub mod explain;
pub mod order;
pub mod report;
pub mod studies;
