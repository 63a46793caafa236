//! The embed path. `www/embed.js` defines the `<massage-explainer>` element: it attaches
//! an open shadow root, adopts the stylesheet, and calls `mount` here on a div inside it
//! with the element's attributes as options. Hosts can call the same API from script.
//!
//! Options are checked here, not trusted: anything invalid falls back to its default
//! and the instance logs one console warning naming what it ignored. The pure part
//! (what a host gave → `Options` → `Config`) is tested natively; the DOM part in the
//! browser. The options are decoded by hand rather than with serde-wasm-bindgen,
//! which cost the wasm 11 KB for five strings and a flag.

use crate::app::hash::{is_valid_key, HashSync};
use crate::app::route::{Route, View};
use crate::claimbase::kinds::PainDuration;
use crate::claimbase::model::{ClaimBase, RegionIdx};
use crate::claimbase::vocabulary::vocabulary;
use crate::query::cite::json_string;

vocabulary! {
    /// The options a host sets: the element's attributes, or the keys of the
    /// object `mount` and `update` take. Defined here once: what the JS needs of
    /// them (embed.js's attributes, frame.js's parameters, the builder's lists) is
    /// generated from `options_manifest` at every build. Adding an option is a line
    /// here, its field in `Options` and its check in `configure`.
    EmbedOption {
        View = "view", "the first view";
        State = "state", "a whole screen in URL-hash form";
        Theme = "theme", "light, dark or the reader's setting";
        Compact = "compact", "a denser layout";
        Hash = "hash", "the key under which the screen is kept in the URL hash";
        Region = "region", "where the reader is, for the emergency numbers";
        Duration = "duration", "how long the readers' back pain has lasted, for the options (recent or long-lasting)";
    }
}

vocabulary! {
    /// The colour scheme.
    #[derive(Default)]
    Theme {
        Light = "light", "Light";
        Dark = "dark", "Dark";
        /// Follows the reader's system setting.
        #[default]
        Auto = "auto", "Follow the reader’s device";
    }
}

impl EmbedOption {
    /// Whether `frame.html` takes it from its address: all but `hash`, since a
    /// frame's own page has no host hash to share.
    pub fn in_frame(self) -> bool {
        self != EmbedOption::Hash
    }

    /// Its default as a JSON value: a slug, `""` (none) or `false`.
    fn default_json(self) -> String {
        match self {
            EmbedOption::View => json_string(View::default().slug()),
            EmbedOption::Theme => json_string(Theme::default().slug()),
            EmbedOption::Compact => "false".to_string(),
            EmbedOption::State
            | EmbedOption::Hash
            | EmbedOption::Region
            | EmbedOption::Duration => json_string(""),
        }
    }
}

/// What the JS side needs of the options, as JSON: the explainer's title (the
/// builder's fallback link and iframe title), each option's name, what it
/// does, its default and whether the iframe takes it, and the values the builder
/// offers (views, themes and regions with their labels). `www/build/postbuild.mjs`
/// writes it into embed.js, frame.js and the builder at every build
/// (`cargo run --bin embed-options`), so no list of names is written twice.
pub fn options_manifest(base: &ClaimBase) -> String {
    let pairs = |items: Vec<(&str, &str)>| {
        let items: Vec<String> = items
            .into_iter()
            .map(|(slug, label)| format!("[{},{}]", json_string(slug), json_string(label)))
            .collect();
        format!("[{}]", items.join(","))
    };
    let options: Vec<String> = EmbedOption::ALL
        .iter()
        .map(|&o| {
            format!(
                "{{\"name\":{},\"about\":{},\"default\":{},\"frame\":{}}}",
                json_string(o.slug()),
                json_string(o.label()),
                o.default_json(),
                o.in_frame()
            )
        })
        .collect();
    format!(
        "{{\"title\":{},\"options\":[{}],\"views\":{},\"themes\":{},\"regions\":{}}}",
        json_string(base.title),
        options.join(","),
        pairs(View::tabs().map(|v| (v.slug(), v.label())).collect()),
        pairs(Theme::ALL.iter().map(|t| (t.slug(), t.label())).collect()),
        pairs(base.regions.iter().map(|r| (r.id, r.name)).collect()),
    )
}

/// The options as a host gave them, before checking. Absent means default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// The reader's region (`uk`, `us`, `eu`, `au`, `ca`, `nz`), for emergency numbers.
    pub region: Option<String>,
    /// `recent` or `long-lasting`: presets the options view's question for a
    /// clinic's readers (who can still change it).
    pub duration: Option<String>,
}

/// One option's value as the host gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    /// `null`, `undefined`, or an attribute that is not set.
    Absent,
    Text(String),
    Flag(bool),
    /// Any other value, as the host would read it (`42`, `[object Object]`).
    Other(String),
}

impl Options {
    /// Takes one option by name; `Err` says what was wrong, for the warning.
    pub fn set(&mut self, name: &str, given: Given) -> Result<(), String> {
        let option =
            EmbedOption::from_slug(name).ok_or_else(|| format!("unknown option `{name}`"))?;
        if option == EmbedOption::Compact {
            self.compact = match given {
                Given::Flag(on) => on,
                // An attribute that is present turns it on, whatever its value,
                // as HTML's boolean attributes do.
                Given::Text(_) => true,
                Given::Absent => false,
                Given::Other(value) => {
                    return Err(format!("compact={value} (expected true or false)"))
                }
            };
            return Ok(());
        }
        let text = match given {
            Given::Absent => None,
            Given::Text(text) => Some(text),
            Given::Flag(flag) => return Err(format!("{name}={flag} (expected a string)")),
            Given::Other(value) => return Err(format!("{name}={value} (expected a string)")),
        };
        match option {
            EmbedOption::View => self.view = text,
            EmbedOption::State => self.state = text,
            EmbedOption::Theme => self.theme = text,
            EmbedOption::Hash => self.hash = text,
            EmbedOption::Region => self.region = text,
            EmbedOption::Duration => self.duration = text,
            EmbedOption::Compact => {}
        }
        Ok(())
    }
}

/// Checked options: what one instance shows and how.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub start: Route,
    pub theme: Theme,
    pub compact: bool,
    pub hash: HashSync,
    /// Whose emergency numbers to show; `None`: "your local emergency number".
    pub region: Option<RegionIdx>,
    /// The preset answer to "how long has your pain lasted?"; `None`: not said.
    pub duration: Option<PainDuration>,
}

/// Checks `options`. Each invalid one falls back to its default and adds a line to the
/// warning after `problems` (what could not even be read as an option); `None` when
/// everything was valid.
pub fn configure(
    options: &Options,
    problems: &[String],
    base: &ClaimBase,
) -> (Config, Option<String>) {
    let mut ignored = problems.to_vec();
    let mut config = Config {
        compact: options.compact,
        ..Config::default()
    };
    let view = checked(
        &mut ignored,
        "view",
        options.view.as_deref(),
        View::from_slug,
        View::slugs(),
    );
    config.start = Route::view(view.unwrap_or_default());
    if let Some(state) = options.state.as_deref().filter(|s| !s.is_empty()) {
        // `view` first, so the state's own keys override it.
        let screen = format!("view={}&{state}", config.start.screen.view().slug());
        match Route::decode(&screen, base) {
            Ok(route) => config.start = route,
            Err(error) => ignored.push(format!("state=\"{state}\" ({error})")),
        }
    }
    let theme = checked(
        &mut ignored,
        "theme",
        options.theme.as_deref(),
        Theme::from_slug,
        Theme::slugs(),
    );
    config.theme = theme.unwrap_or_default();
    let regions = base
        .regions
        .iter()
        .map(|r| r.id)
        .collect::<Vec<_>>()
        .join(", ");
    let region = |id: &str| base.region_by_id(id);
    config.region = checked(
        &mut ignored,
        "region",
        options.region.as_deref(),
        region,
        regions,
    );
    config.duration = checked(
        &mut ignored,
        "duration",
        options.duration.as_deref(),
        PainDuration::from_slug,
        PainDuration::slugs(),
    );
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

/// An option's value from a closed list, or `None` (noted in `ignored` when it
/// was given but is not one of `accepted`).
fn checked<T>(
    ignored: &mut Vec<String>,
    name: &str,
    given: Option<&str>,
    from_slug: impl Fn(&str) -> Option<T>,
    accepted: String,
) -> Option<T> {
    let given = given?;
    let value = from_slug(given);
    if value.is_none() {
        ignored.push(format!("{name}=\"{given}\" (expected one of {accepted})"));
    }
    value
}

/// The screen's form in events: `{ view, state }`, `state` as the `state` option takes it.
pub fn event_detail(route: &Route, base: &ClaimBase) -> (&'static str, String) {
    (route.screen.view().slug(), route.encode(base))
}

#[cfg(target_arch = "wasm32")]
pub use dom::{host_events, mount, Widget};

/// The browser side: mounting, updating, events.
#[cfg(target_arch = "wasm32")]
mod dom;
