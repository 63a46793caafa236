//! `prerender OUT_DIR`: the explainer rendered to static HTML at build time with
//! Yew's server renderer (the release build's post-build step puts it in place):
//! `views/VIEW.html`, each view of the standalone site, and `embed/REGION.html`,
//! the embed's first screen for each region (`none.html` without one). The live
//! app then takes over these nodes (hydration). Native only; never shipped.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::process::ExitCode;

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

    /// The renderer marks each component's nodes with comments that name its
    /// type (`<!--<[massage_explainer::app::components::tabs::Tab]>-->`), for
    /// hydration, which reads only their brackets (`<[`, `</[`, `]>`). Without the
    /// names every page is about 0.3 KB smaller (brotli).
    fn unnamed_marks(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = rest.find("<!--<") {
            let (before, mark) = rest.split_at(at);
            out.push_str(before);
            let open = if mark.starts_with("<!--</[") {
                "<!--</["
            } else {
                "<!--<["
            };
            match mark.find("]>-->") {
                Some(end) if mark.starts_with(open) && !mark[..end].contains("-->") => {
                    out.push_str(open);
                    out.push_str("]>-->");
                    rest = &mark[end + "]>-->".len()..];
                }
                _ => {
                    out.push_str("<!--<");
                    rest = &mark["<!--<".len()..];
                }
            }
        }
        out.push_str(rest);
        out
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
