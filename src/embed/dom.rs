//! The embed's browser side: decoding a host's options object, mounting,
//! updating, and the events a host listens for.

use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, EventTarget, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

use super::{configure, event_detail, Config, Given, Options};
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
    let instance: AttrValue = format!("mx{}", INSTANCES.fetch_add(1, Ordering::Relaxed) + 1).into();
    let (on_ready, on_change) = host_events(&root);
    let (config, warning) = decode(&options);
    log_once(&mut None, warning.clone());
    style_root(&root, &config);
    // embed.js shows the prerendered first screen (for these options) while the
    // wasm loads: the instance takes over those nodes when it would render the
    // same screen, and renders afresh otherwise.
    let hydrate = root.first_element_child().is_some()
        && config.start == Route::default()
        && crate::app::hooks::hash_screen(&config.hash).is_none();
    let props = props(&instance, &config, &on_ready, &on_change);
    let renderer = yew::Renderer::<Explainer>::with_root_and_props(root.clone(), props);
    let app = if hydrate {
        crate::app::islands::take_over(renderer, &root, &instance)
    } else {
        renderer.render()
    };
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
        let (config, warning) = decode(&options);
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

/// The `mx-ready` and `mx-change` callbacks for an instance in `root`; the
/// standalone page uses them too, on its root element.
pub fn host_events(root: &Element) -> (Callback<Route>, Callback<Route>) {
    (events(root, "mx-ready"), events(root, "mx-change"))
}

/// A host's options object, checked.
fn decode(options: &JsValue) -> (Config, Option<String>) {
    let mut decoded = Options::default();
    let mut problems = Vec::new();
    match options.dyn_ref::<js_sys::Object>() {
        Some(object) if !options.is_function() => {
            for key in js_sys::Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
            {
                let value = js_sys::Reflect::get(options, &key.as_str().into())
                    .unwrap_or(JsValue::UNDEFINED);
                if let Err(problem) = decoded.set(&key, given(&value)) {
                    problems.push(problem);
                }
            }
        }
        _ if options.is_undefined() || options.is_null() => {}
        _ => problems.push(format!(
            "the options {} (expected an object)",
            describe(options)
        )),
    }
    configure(&decoded, &problems, claimbase::get())
}

/// One option's value, as `Options::set` takes it.
fn given(value: &JsValue) -> Given {
    if value.is_undefined() || value.is_null() {
        Given::Absent
    } else if let Some(text) = value.as_string() {
        Given::Text(text)
    } else if let Some(flag) = value.as_bool() {
        Given::Flag(flag)
    } else {
        Given::Other(describe(value))
    }
}

/// A value as a warning shows it: `42`, `"text"`, `(an object)`. Numbers are
/// written by JavaScript, so the wasm carries no float formatting for this.
fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return format!("\"{text}\"");
    }
    if let Some(number) = value.dyn_ref::<js_sys::Number>() {
        if let Ok(text) = number.to_string_with_radix(10) {
            return String::from(text);
        }
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("({article} {kind})")
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
        region: config.region,
        duration: config.duration,
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
