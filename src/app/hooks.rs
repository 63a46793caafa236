//! Keeping the URL hash and the app state in step (standalone page, or an embed
//! whose host opts in).

use gloo_events::EventListener;
use yew::prelude::*;

use super::hash::HashSync;
use super::route::Route;
use super::state::{Action, AppState};
use crate::claimbase;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The screen the hash holds for this instance, or `start` when it holds none. A
/// malformed one logs one warning and gives `start` too.
pub fn route_from_hash(sync: &HashSync, start: &Route) -> Route {
    match sync.read(&current_hash()) {
        None => start.clone(),
        Some(screen) => Route::decode(&screen, claimbase::get()).unwrap_or_else(|warning| {
            web_sys::console::warn_1(&warning.into());
            start.clone()
        }),
    }
}

/// Follows the hash on back/forward (and hand edits), and writes the state back to
/// it (as a new history entry) when the reader navigates. The state starts from
/// `route_from_hash`; `start` is the screen shown when the hash holds none.
#[hook]
pub fn use_hash_sync(state: UseReducerHandle<AppState>, sync: HashSync, start: Route) {
    {
        let dispatch = state.dispatcher();
        use_effect_with((sync.clone(), start.clone()), move |(sync, start)| {
            let listeners = (*sync != HashSync::Off)
                .then(web_sys::window)
                .flatten()
                .map(|window| {
                    let (sync, start) = (sync.clone(), start.clone());
                    let on_change = move |_: &web_sys::Event| {
                        dispatch.dispatch(Action::Restore(route_from_hash(&sync, &start)))
                    };
                    let on_pop = on_change.clone();
                    (
                        EventListener::new(&window, "hashchange", on_change),
                        EventListener::new(&window, "popstate", on_pop),
                    )
                });
            move || drop(listeners)
        });
    }
    use_effect_with(
        (state.route.clone(), sync, start, state.typing),
        |(route, sync, start, typing)| {
            if *sync == HashSync::Off {
                return;
            }
            let wanted = route.encode(claimbase::get());
            let current = current_hash();
            let held = sync.read(&current);
            // The start screen keeps a clean URL until the reader moves.
            let unchanged =
                held.as_deref() == Some(wanted.as_str()) || (held.is_none() && route == start);
            if !unchanged {
                let url = sync.write(&current, Some(&wanted));
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let null = &wasm_bindgen::JsValue::NULL;
                    // Typing refines one search: one history entry, not one per key.
                    let _ = if *typing {
                        history.replace_state_with_url(null, "", Some(&url))
                    } else {
                        history.push_state_with_url(null, "", Some(&url))
                    };
                }
            }
        },
    );
}
