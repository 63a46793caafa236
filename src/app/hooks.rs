//! Keeping the URL hash and the app state in step (standalone page, or an embed
//! whose host opts in).

use gloo_events::EventListener;
use yew::prelude::*;

use super::route::Route;
use super::state::{Action, AppState};
use crate::claimbase;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Decodes the hash; a malformed one logs one warning and gives the defaults.
fn route_from_hash() -> Route {
    Route::decode(&current_hash(), claimbase::get()).unwrap_or_else(|warning| {
        web_sys::console::warn_1(&warning.into());
        Route::default()
    })
}

/// The state, restored from the hash on mount and on back/forward, and written
/// back to it (as a new history entry) when the reader navigates.
#[hook]
pub fn use_hash_sync(state: UseReducerHandle<AppState>, enabled: bool) {
    {
        let dispatch = state.dispatcher();
        use_effect_with(enabled, move |&enabled| {
            let listeners = enabled.then(|| {
                dispatch.dispatch(Action::Restore(route_from_hash()));
                let window = web_sys::window();
                window.map(|window| {
                    let on_change = move |_: &web_sys::Event| {
                        dispatch.dispatch(Action::Restore(route_from_hash()))
                    };
                    let on_pop = on_change.clone();
                    (
                        EventListener::new(&window, "hashchange", on_change),
                        EventListener::new(&window, "popstate", on_pop),
                    )
                })
            });
            move || drop(listeners)
        });
    }
    use_effect_with(
        (state.route.clone(), enabled, state.typing),
        |(route, enabled, typing)| {
            if *enabled {
                let wanted = format!("#{}", route.encode(claimbase::get()));
                let current = current_hash();
                // The default screen keeps a clean URL on first load.
                let unchanged =
                    current == wanted || (current.is_empty() && *route == Route::default());
                if !unchanged {
                    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                        let null = &wasm_bindgen::JsValue::NULL;
                        // Typing refines one search: one history entry, not one per key.
                        let _ = if *typing {
                            history.replace_state_with_url(null, "", Some(&wanted))
                        } else {
                            history.push_state_with_url(null, "", Some(&wanted))
                        };
                    }
                }
            }
        },
    );
}
