//! The embed path. `www/embed.js` defines the `<massage-explainer>` element: it attaches
//! an open shadow root, adopts the stylesheet, and calls `mount` here on a div inside it
//! with the element's attributes as options. Hosts can call the same API from script.
//!
//! Options are checked here, not trusted: anything invalid falls back to its default
//! and the instance logs one console warning naming what it ignored. The pure part
//! (`Options` → `Config`) is tested natively; the DOM part is tested in the browser.

use serde::Deserialize;

use crate::app::hash::{is_valid_key, HashSync};
use crate::app::route::{Route, View};
use crate::claimbase::model::ClaimBase;

/// The options a host passes to `mount` or `update` (the element's attributes, or a
/// plain object from script), decoded with serde-wasm-bindgen. Absent means default.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Options {
    /// The first view: `mechanisms`, `techniques`, `map`, `studies`, `sources`, `safety`.
    pub view: Option<String>,
    /// A whole screen in URL-hash form (`view=map&cell=deep-tissue~muscle-tension`,
    /// and the study list's filters); its keys override `view`.
    pub state: Option<String>,
    /// `light`, `dark` or `auto` (follows the reader's system setting).
    pub theme: Option<String>,
    /// A denser layout for narrow columns.
    pub compact: bool,
    /// Opt in to keeping the screen in the page's URL hash, under `mx-KEY=`.
    pub hash: Option<String>,
}

/// The option names `Options` knows, to name any other as ignored.
pub const OPTION_NAMES: [&str; 5] = ["view", "state", "theme", "compact", "hash"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    fn from_slug(slug: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto]
            .into_iter()
            .find(|t| t.slug() == slug)
    }
}

/// Checked options: what one instance shows and how.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub start: Route,
    pub theme: Theme,
    pub compact: bool,
    pub hash: HashSync,
}

/// Checks `options`. Each invalid one falls back to its default and adds a line to the
/// warning, as do `unknown` option names; `None` when everything was valid.
pub fn configure(
    options: &Options,
    unknown: &[String],
    base: &ClaimBase,
) -> (Config, Option<String>) {
    let mut ignored: Vec<String> = unknown
        .iter()
        .map(|name| format!("unknown option `{name}`"))
        .collect();
    let mut config = Config {
        compact: options.compact,
        ..Config::default()
    };

    let view = match options.view.as_deref() {
        None => None,
        Some(slug) => match View::from_slug(slug) {
            Some(view) => Some(view),
            None => {
                let known: Vec<_> = View::ALL.iter().map(|v| v.slug()).collect();
                ignored.push(format!(
                    "view=\"{slug}\" (expected one of {})",
                    known.join(", ")
                ));
                None
            }
        },
    };
    config.start = Route::view(view.unwrap_or_default());
    if let Some(state) = options.state.as_deref().filter(|s| !s.is_empty()) {
        // `view` first, so the state's own keys override it.
        let screen = format!("view={}&{state}", config.start.view.slug());
        match Route::decode(&screen, base) {
            Ok(route) => config.start = route,
            Err(message) => ignored.push(format!(
                "state=\"{state}\" ({})",
                decoder_reason(&screen, &message)
            )),
        }
    }

    match options.theme.as_deref().map(|t| (t, Theme::from_slug(t))) {
        None => {}
        Some((_, Some(theme))) => config.theme = theme,
        Some((other, None)) => {
            ignored.push(format!("theme=\"{other}\" (expected light, dark or auto)"))
        }
    }

    match options.hash.as_deref() {
        None => {}
        Some(key) if is_valid_key(key) => config.hash = HashSync::Key(key.to_string().into()),
        Some(other) => ignored.push(format!(
            "hash=\"{other}\" (expected 1 to 32 letters, digits, - or _)"
        )),
    }

    let warning = (!ignored.is_empty()).then(|| {
        format!(
            "massage-explainer: ignoring {}; using the defaults instead.",
            ignored.join("; ")
        )
    });
    (config, warning)
}

/// What was wrong, from `Route::decode`'s message about `screen` (which speaks of the
/// URL hash); the whole message when it has another shape.
fn decoder_reason<'a>(screen: &str, message: &'a str) -> &'a str {
    let prefix = format!("massage-explainer: ignoring the URL hash \"#{screen}\": ");
    message
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix("; showing the default view"))
        .unwrap_or(message)
}

/// The screen's form in events: `{ view, state }`, `state` as the `state` option takes it.
pub fn event_detail(route: &Route, base: &ClaimBase) -> (&'static str, String) {
    (route.view.slug(), route.encode(base))
}

#[cfg(target_arch = "wasm32")]
pub use dom::{mount, Widget};

/// The browser side: mounting, updating, events.
#[cfg(target_arch = "wasm32")]
mod dom {
    use std::sync::atomic::{AtomicU32, Ordering};

    use wasm_bindgen::prelude::*;
    use web_sys::{CustomEvent, CustomEventInit, Element, EventTarget, ShadowRoot};
    use yew::prelude::*;
    use yew::AppHandle;

    use super::{configure, event_detail, Config, Options, OPTION_NAMES};
    use crate::app::route::Route;
    use crate::app::{Explainer, ExplainerProps};
    use crate::claimbase;

    /// Numbers instances, so element ids (and the ARIA references between them) stay
    /// unique even outside a shadow root.
    static INSTANCES: AtomicU32 = AtomicU32::new(0);

    /// One mounted instance; JavaScript holds it as the handle `mount` returns.
    #[wasm_bindgen]
    pub struct Widget {
        app: AppHandle<Explainer>,
        root: Element,
        instance: AttrValue,
        on_ready: Callback<Route>,
        on_change: Callback<Route>,
        /// The last warning logged, so an unchanged bad option is not repeated.
        warned: Option<String>,
    }

    /// Mounts an instance into `root` (in `www/embed.js`, a div in the element's shadow
    /// root). Events go to the shadow host, or to `root` outside a shadow root.
    #[wasm_bindgen]
    pub fn mount(root: Element, options: JsValue) -> Widget {
        let instance: AttrValue =
            format!("mx{}", INSTANCES.fetch_add(1, Ordering::Relaxed) + 1).into();
        let (on_ready, on_change) = (events(&root, "mx-ready"), events(&root, "mx-change"));
        let (config, warning) = decode(options);
        log_once(&mut None, warning.clone());
        style_root(&root, &config);
        let props = props(&instance, &config, &on_ready, &on_change);
        let app = yew::Renderer::<Explainer>::with_root_and_props(root.clone(), props).render();
        Widget {
            app,
            root,
            instance,
            on_ready,
            on_change,
            warned: warning,
        }
    }

    #[wasm_bindgen]
    impl Widget {
        /// Applies new options (all of them: an absent one returns to its default).
        pub fn update(&mut self, options: JsValue) {
            let (config, warning) = decode(options);
            log_once(&mut self.warned, warning);
            style_root(&self.root, &config);
            let props = props(&self.instance, &config, &self.on_ready, &self.on_change);
            self.app.update(props);
        }

        /// Unmounts the instance: its DOM, hash listeners and memory are released.
        pub fn destroy(self) {
            self.app.destroy();
        }
    }

    /// The standalone page's callbacks: the same events, on its root element.
    pub fn standalone_events(root: &Element) -> (Callback<Route>, Callback<Route>) {
        (events(root, "mx-ready"), events(root, "mx-change"))
    }

    fn decode(options: JsValue) -> (Config, Option<String>) {
        let base = claimbase::get();
        if options.is_undefined() || options.is_null() {
            return configure(&Options::default(), &[], base);
        }
        let unknown: Vec<String> = options
            .dyn_ref::<js_sys::Object>()
            .map(|object| {
                js_sys::Object::keys(object)
                    .iter()
                    .filter_map(|key| key.as_string())
                    .filter(|key| !OPTION_NAMES.contains(&key.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        match serde_wasm_bindgen::from_value::<Options>(options) {
            Ok(options) => configure(&options, &unknown, base),
            Err(error) => {
                let (config, _) = configure(&Options::default(), &[], base);
                // Displayed as a JS Error ("Error: invalid type: ..."): the message alone.
                let error = error.to_string();
                let error = error.strip_prefix("Error: ").unwrap_or(&error);
                let warning = format!(
                    "massage-explainer: ignoring the options ({error}); using the defaults instead."
                );
                (config, Some(warning))
            }
        }
    }

    fn log_once(warned: &mut Option<String>, warning: Option<String>) {
        if let Some(text) = &warning {
            if warned.as_ref() != Some(text) {
                web_sys::console::warn_1(&text.into());
            }
        }
        *warned = warning;
    }

    /// Theme and density are attributes of the root, which the stylesheet keys on.
    fn style_root(root: &Element, config: &Config) {
        let _ = root.class_list().add_1("mx-root");
        let _ = root.set_attribute("data-theme", config.theme.slug());
        let _ = if config.compact {
            root.set_attribute("data-compact", "")
        } else {
            root.remove_attribute("data-compact")
        };
    }

    fn props(
        instance: &AttrValue,
        config: &Config,
        on_ready: &Callback<Route>,
        on_change: &Callback<Route>,
    ) -> ExplainerProps {
        yew::props!(ExplainerProps {
            instance: instance.clone(),
            hash: config.hash.clone(),
            start: config.start.clone(),
            cta_slot: true,
            on_ready: on_ready.clone(),
            on_change: on_change.clone(),
        })
    }

    /// A callback that dispatches `name` with the screen as detail, bubbling and
    /// crossing shadow boundaries, on the shadow host of `root` (or `root` itself).
    fn events(root: &Element, name: &'static str) -> Callback<Route> {
        let root = root.clone();
        Callback::from(move |route: Route| {
            let target: EventTarget = match root.get_root_node().dyn_into::<ShadowRoot>() {
                Ok(shadow) => shadow.host().into(),
                Err(_) => root.clone().into(),
            };
            let (view, state) = event_detail(&route, claimbase::get());
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"view".into(), &view.into());
            let _ = js_sys::Reflect::set(&detail, &"state".into(), &state.into());
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = target.dispatch_event(&event);
            }
        })
    }
}

#[cfg(target_arch = "wasm32")]
pub use dom::standalone_events;
