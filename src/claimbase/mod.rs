//! The claim base: compiled at build time from `seeds/` by `build.rs` into static
//! data in the wasm, so reading it costs nothing at run time and nothing is fetched.

pub mod fold;
pub mod kinds;
pub mod model;
pub mod schema;
pub mod search;
pub mod vocabulary;

/// The build step (load, check, extract, generate). Native only: it needs
/// `toml`, which must stay out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;

pub use model::{ClaimBase, Source};

mod bundled {
    use super::kinds::*;
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/claimbase.rs"));
}

/// The bundled claim base.
pub fn get() -> &'static ClaimBase {
    &bundled::CLAIM_BASE
}

/// Every source article, in file-name order.
pub fn sources() -> &'static [Source] {
    get().sources
}
