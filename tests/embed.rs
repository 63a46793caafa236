//! The embed path's pure logic: checking a host's options, and keeping an instance's
//! screen in its own segment of the URL hash.

use massage_explainer::app::hash::{is_valid_key, HashSync};
use massage_explainer::app::route::{Route, View};
use massage_explainer::claimbase;
use massage_explainer::claimbase::kinds::PainDuration;
use massage_explainer::embed::{
    configure, event_detail, Config, EmbedOption, Given, Options, Theme,
};
use yew::AttrValue;

fn options(view: Option<&str>, state: Option<&str>, theme: Option<&str>) -> Options {
    Options {
        view: view.map(String::from),
        state: state.map(String::from),
        theme: theme.map(String::from),
        ..Options::default()
    }
}

fn check(options: &Options) -> (Config, Option<String>) {
    configure(options, &[], claimbase::get())
}

#[test]
fn no_options_means_the_defaults_and_no_warning() {
    let (config, warning) = check(&Options::default());
    assert_eq!(config, Config::default());
    assert_eq!(config.start, Route::default());
    assert_eq!(config.theme, Theme::Auto);
    assert!(!config.compact);
    assert_eq!(config.hash, HashSync::Off);
    assert_eq!(warning, None);
}

#[test]
fn valid_options_are_taken() {
    let mut opts = options(Some("safety"), None, Some("dark"));
    opts.compact = true;
    opts.hash = Some("side".into());
    let (config, warning) = check(&opts);
    assert_eq!(warning, None);
    assert_eq!(config.start.screen.view(), View::Safety);
    assert_eq!(config.theme, Theme::Dark);
    assert!(config.compact);
    assert_eq!(config.hash, HashSync::Key(AttrValue::from("side")));
}

#[test]
fn state_selects_within_the_view_and_its_keys_win() {
    let base = claimbase::get();
    let (config, warning) = check(&options(
        Some("studies"),
        Some("view=map&cell=deep-tissue~muscle-tension"),
        None,
    ));
    assert_eq!(warning, None);
    assert_eq!(config.start.screen.view(), View::Map);
    assert_eq!(
        config.start.encode(base),
        "view=map&cell=deep-tissue~muscle-tension"
    );
    // Without a view key, the state refines the `view` option.
    let (config, warning) = check(&options(Some("mechanisms"), Some("item=blood-flow"), None));
    assert_eq!(warning, None);
    assert_eq!(config.start.encode(base), "view=mechanisms&item=blood-flow");
}

#[test]
fn state_carries_the_study_list_filters() {
    let (config, warning) = check(&options(
        Some("studies"),
        Some("q=cherkin&status=identified&sort=year"),
        None,
    ));
    assert_eq!(warning, None);
    assert_eq!(
        config.start.encode(claimbase::get()),
        "view=studies&q=cherkin&status=identified&sort=year"
    );
}

#[test]
fn each_invalid_option_falls_back_alone_and_is_named_in_one_warning() {
    let mut opts = options(
        Some("<script>"),
        Some("view=mechanisms&item=nonsense"),
        Some("blue"),
    );
    opts.hash = Some("a b".into());
    opts.compact = true;
    let unknown = opts
        .set("veiw", Given::Text("map".into()))
        .expect_err("not an option");
    let (config, warning) = configure(&opts, &[unknown], claimbase::get());
    assert_eq!(config.start, Route::default());
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(config.hash, HashSync::Off);
    assert!(
        config.compact,
        "a valid option survives its invalid neighbours"
    );
    let warning = warning.expect("a warning");
    assert!(
        warning.starts_with("massage-explainer: ignoring "),
        "{warning}"
    );
    for part in [
        "unknown option `veiw`",
        "view=\"<script>\" (expected one of answer, options, mechanisms, techniques, map, studies, sources, safety, search)",
        "state=\"view=mechanisms&item=nonsense\" (unknown mechanism `nonsense`)",
        "theme=\"blue\" (expected one of light, dark, auto)",
        "hash=\"a b\"",
    ] {
        assert!(warning.contains(part), "`{part}` in {warning}");
    }
    assert_eq!(warning.lines().count(), 1);
}

#[test]
fn options_take_strings_and_a_flag_and_name_values_of_the_wrong_type() {
    let mut opts = Options::default();
    for &option in EmbedOption::ALL {
        let given = if option == EmbedOption::Compact {
            Given::Flag(true)
        } else {
            Given::Text("x".into())
        };
        assert_eq!(opts.set(option.slug(), given), Ok(()), "{option:?}");
    }
    assert_eq!(
        opts,
        Options {
            view: Some("x".into()),
            state: Some("x".into()),
            theme: Some("x".into()),
            compact: true,
            hash: Some("x".into()),
            region: Some("x".into()),
            duration: Some("x".into()),
        }
    );
    // An attribute that is present (any text) turns `compact` on; absent turns it off.
    assert_eq!(opts.set("compact", Given::Absent), Ok(()));
    assert!(!opts.compact);
    assert_eq!(opts.set("compact", Given::Text(String::new())), Ok(()));
    assert!(opts.compact);
    assert_eq!(opts.set("view", Given::Absent), Ok(()));
    assert_eq!(opts.view, None);
    assert_eq!(
        opts.set("view", Given::Other("42".into())),
        Err("view=42 (expected a string)".into())
    );
    assert_eq!(
        opts.set("theme", Given::Flag(true)),
        Err("theme=true (expected a string)".into())
    );
    assert_eq!(
        opts.set("compact", Given::Other("[object Object]".into())),
        Err("compact=[object Object] (expected true or false)".into())
    );
    assert_eq!(
        opts.set("zoom", Given::Text("2".into())),
        Err("unknown option `zoom`".into())
    );
}

#[test]
fn the_js_gets_every_option_and_list_from_one_manifest() {
    use massage_explainer::embed::options_manifest;
    let base = claimbase::get();
    let manifest = options_manifest(base);
    // Each option once, in order, with what it does, its default and whether the
    // iframe takes it: embed.js observes these names, frame.js those for the frame.
    let options: Vec<String> = EmbedOption::ALL
        .iter()
        .map(|o| format!("{{\"name\":\"{}\",\"about\":\"{}\",", o.slug(), o.label()))
        .collect();
    let mut at = 0;
    for option in &options {
        let found = manifest[at..]
            .find(option.as_str())
            .unwrap_or_else(|| panic!("{option} in order in {manifest}"));
        at += found + option.len();
    }
    assert!(manifest
        .contains(r#"{"name":"view","about":"the first view","default":"answer","frame":true}"#));
    assert!(manifest.contains(r#"{"name":"hash","about":"the key under which the screen is kept in the URL hash","default":"","frame":false}"#));
    assert!(
        manifest.contains(r#""default":false,"frame":true}"#),
        "compact is a flag"
    );
    // The builder's lists: the views with tabs, every theme, every region, labelled.
    let views: Vec<String> = View::tabs()
        .map(|v| format!("[\"{}\",\"{}\"]", v.slug(), v.label()))
        .collect();
    assert!(
        manifest.contains(&format!("\"views\":[{}]", views.join(","))),
        "{manifest}"
    );
    assert!(manifest.contains(
        r#""themes":[["light","Light"],["dark","Dark"],["auto","Follow the reader’s device"]]"#
    ));
    let regions: Vec<String> = base
        .regions
        .iter()
        .map(|r| format!("[\"{}\",\"{}\"]", r.id, r.name))
        .collect();
    assert!(manifest.ends_with(&format!("\"regions\":[{}]}}", regions.join(","))));
}

#[test]
fn region_picks_the_emergency_numbers_and_an_unknown_one_is_named() {
    let base = claimbase::get();
    let mut opts = Options::default();
    assert_eq!(opts.set("region", Given::Text("uk".into())), Ok(()));
    let (config, warning) = check(&opts);
    assert_eq!(warning, None);
    let region = base.region(config.region.expect("a region"));
    assert_eq!((region.emergency, region.urgent), ("999", Some("111")));
    assert_eq!(
        check(&Options::default()).0.region,
        None,
        "no region: the local number in words"
    );
    opts.region = Some("mars".into());
    let (config, warning) = check(&opts);
    assert_eq!(config.region, None);
    assert_eq!(
        warning.as_deref(),
        Some("massage-explainer: ignoring region=\"mars\" (expected one of uk, us, eu, au, ca, nz); using the defaults instead.")
    );
}

#[test]
fn a_valid_view_survives_an_invalid_state() {
    let (config, warning) = check(&options(Some("map"), Some("cell=nope"), None));
    assert_eq!(config.start, Route::view(View::Map));
    assert!(warning.is_some_and(|w| w.contains("state=\"cell=nope\"")));
}

#[test]
fn events_carry_the_view_and_a_state_the_options_accept() {
    let base = claimbase::get();
    let route = Route::decode("view=sources&source=004_0258de91f0d849d6", base).expect("valid");
    let (view, state) = event_detail(&route, base);
    assert_eq!(view, "sources");
    let (config, warning) = check(&options(None, Some(&state), None));
    assert_eq!(warning, None);
    assert_eq!(config.start, route);
}

fn key(k: &'static str) -> HashSync {
    HashSync::Key(AttrValue::Static(k))
}

#[test]
fn keys_are_short_and_plain() {
    assert!(is_valid_key("left"));
    assert!(is_valid_key("side_2-a"));
    assert!(!is_valid_key(""));
    assert!(!is_valid_key("a b"));
    assert!(!is_valid_key("a=b"));
    assert!(!is_valid_key("é"));
    assert!(!is_valid_key(&"k".repeat(33)));
}

#[test]
fn the_whole_hash_is_the_screen() {
    assert_eq!(HashSync::Whole.read("#view=map"), Some("view=map".into()));
    assert_eq!(HashSync::Whole.read("#"), None);
    assert_eq!(HashSync::Whole.read(""), None);
    assert_eq!(HashSync::Whole.write("#x", Some("view=map")), "#view=map");
    assert_eq!(HashSync::Whole.write("#x", None), "");
}

#[test]
fn off_reads_nothing_and_writes_nothing() {
    assert_eq!(HashSync::Off.read("#view=map"), None);
    assert_eq!(
        HashSync::Off.write("#pricing", Some("view=map")),
        "#pricing"
    );
}

#[test]
fn a_keyed_screen_lives_next_to_the_host_hash() {
    let screen = "view=map&cell=deep-tissue~muscle-tension";
    let written = key("left").write("#pricing", Some(screen));
    assert_eq!(
        written,
        "#pricing&mx-left=view%3Dmap%26cell%3Ddeep-tissue~muscle-tension"
    );
    assert_eq!(key("left").read(&written).as_deref(), Some(screen));
    // Another instance and the host's own segment are untouched.
    let both = key("right").write(&written, Some("view=safety"));
    assert_eq!(
        both,
        "#pricing&mx-left=view%3Dmap%26cell%3Ddeep-tissue~muscle-tension&mx-right=view%3Dsafety"
    );
    assert_eq!(key("left").read(&both).as_deref(), Some(screen));
    assert_eq!(key("right").read(&both).as_deref(), Some("view=safety"));
    assert_eq!(key("other").read(&both), None);
    // A key that is a prefix of another does not match it.
    assert_eq!(key("l").read(&both), None);
    // Replaced in place, and removed without a trace.
    assert_eq!(
        key("left").write(&both, Some("view=studies")),
        "#pricing&mx-left=view%3Dstudies&mx-right=view%3Dsafety"
    );
    assert_eq!(
        key("left").write(&both, None),
        "#pricing&mx-right=view%3Dsafety"
    );
    assert_eq!(key("left").write("#mx-left=view%3Dmap", None), "");
}

#[test]
fn escaping_round_trips_every_special_character() {
    for screen in [
        "q=50%&b#c",
        "%26",
        "%2526",
        "a%",
        "%zz",
        "%é",
        "view=map&at=1-2",
    ] {
        let written = key("k").write("", Some(screen));
        assert_eq!(written.matches('&').count(), 0, "{written}");
        assert_eq!(written.matches('#').count(), 1, "{written}");
        assert_eq!(
            key("k").read(&written).as_deref(),
            Some(screen),
            "{written}"
        );
    }
    // A hand-edited link may use lower-case hex.
    assert_eq!(
        key("k").read("#mx-k=view%3dmap").as_deref(),
        Some("view=map")
    );
}

#[test]
fn the_duration_option_presets_the_readers_answer_and_a_bad_one_is_named() {
    let base = claimbase::get();
    let opts = Options {
        duration: Some("long-lasting".into()),
        ..Options::default()
    };
    let (config, warning) = configure(&opts, &[], base);
    assert_eq!(config.duration, Some(PainDuration::LongLasting));
    assert_eq!(warning, None);
    let opts = Options {
        duration: Some("chronic".into()),
        ..Options::default()
    };
    let (config, warning) = configure(&opts, &[], base);
    assert_eq!(config.duration, None);
    let warning = warning.unwrap_or_default();
    assert!(
        warning.contains("duration=\"chronic\" (expected one of recent, long-lasting)"),
        "{warning}"
    );
}
