//! `embed-options`: prints the embed options' manifest (`embed::options_manifest`),
//! the JSON that the post-build step writes into embed.js, frame.js and the embed
//! builder. Native only; never shipped.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let base = massage_explainer::claimbase::get();
    println!("{}", massage_explainer::embed::options_manifest(base));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
