//! `prerender OUT_DIR`: the explainer rendered to static HTML at build time with
//! Yew's server renderer (the release build's post-build step puts it in place):
//! `views/VIEW.html`, each view of the standalone site, and `embed/REGION.html`,
//! the embed's first screen for each region (`none.html` without one). The live
//! app then takes over these nodes (hydration). Native only; never shipped.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::process::ExitCode;

    use massage_explainer::app::islands::unnamed_marks;
    use massage_explainer::app::route::View;
    use massage_explainer::app::{embed_props, standalone_props, Explainer, ExplainerProps};
    use massage_explainer::claimbase;

    /// Renders the explainer with the props `props` makes (the renderer wants a
    /// `Send` maker; the props themselves hold callbacks that are not).
    fn render(props: impl FnOnce() -> ExplainerProps + Send + 'static) -> String {
        // Hydratable: the live app takes over these very nodes.
        let renderer = yew::ServerRenderer::<Explainer>::with_props(props).hydratable(true);
        unnamed_marks(&futures::executor::block_on(renderer.render()))
    }

    fn write(path: &Path, html: String) -> Result<(), String> {
        let fail = |e: std::io::Error| format!("prerender: cannot write {}: {e}", path.display());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        std::fs::write(path, html).map_err(fail)
    }

    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <output folder>");
        return ExitCode::FAILURE;
    };
    let out = Path::new(&out);
    let base = claimbase::get();
    let views = View::tabs().map(|view| {
        let path = out.join(format!("views/{}.html", view.slug()));
        write(&path, render(move || standalone_props(view)))
    });
    let regions = base.regions_indexed().map(|(region, r)| {
        let path = out.join(format!("embed/{}.html", r.id));
        write(&path, render(move || embed_props(Some(region))))
    });
    let default =
        std::iter::once_with(|| write(&out.join("embed/none.html"), render(|| embed_props(None))));
    match views
        .chain(regions)
        .chain(default)
        .collect::<Result<Vec<()>, String>>()
    {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
