//! Compiles `seeds/` into the claim base bundled in the wasm (`OUT_DIR/claimbase.rs`).
//! Any problem stops the build with `path:line: what is wrong`; nothing here
//! panics on seed data. The logic lives in `src/claimbase/compile/`, shared with
//! the native tests.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

// The same modules as the library's `claimbase` (minus the bundled data).
#[allow(dead_code, unused_imports)]
#[path = "src/claimbase"]
mod claimbase {
    pub mod compile;
    pub mod fold;
    pub mod kinds;
    pub mod model;
    pub mod schema;
    pub mod search;
    pub mod vocabulary;
}

// Pictures are drawn as the claim base is built (`Figure::svg`).
#[allow(dead_code)]
#[path = "src/draw/mod.rs"]
mod draw;

use claimbase::compile::{self, SeedError};

fn fail(errors: &[SeedError]) -> ! {
    for e in errors {
        // Cargo shows each `cargo::error` as `error: <package>: <message>`.
        println!("cargo::error={e}");
    }
    process::exit(1);
}

fn main() {
    // MX_SEEDS points the build at another seeds folder: the benchmarks build a
    // generated 10,000-study claim base this way (see the Makefile's bench-site).
    println!("cargo::rerun-if-env-changed=MX_SEEDS");
    let seeds = env::var("MX_SEEDS").unwrap_or_else(|_| "seeds".to_string());
    println!("cargo::rerun-if-changed={seeds}");
    println!("cargo::rerun-if-changed=src/claimbase");
    println!("cargo::rerun-if-changed=src/draw");
    // Cargo runs build scripts in the package root, so seed paths stay relative
    // and errors read `seeds/claims.toml:12: ...`.
    let files = compile::read_dir(Path::new(&seeds), &seeds).unwrap_or_else(|e| fail(&e));
    let compiled = compile::compile(&files).unwrap_or_else(|e| fail(&e));
    let Some(out_dir) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        fail(&[SeedError {
            path: "build.rs".into(),
            line: 1,
            message: "OUT_DIR is not set".into(),
        }])
    };
    if let Err(e) = fs::write(
        out_dir.join("claimbase.rs"),
        compile::codegen::generate(&compiled.base),
    ) {
        fail(&[SeedError {
            path: out_dir.display().to_string(),
            line: 1,
            message: format!("cannot write the bundle: {e}"),
        }]);
    }
}
