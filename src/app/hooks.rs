//! Keeping the URL hash and the app state in step (standalone page, or an embed
//! whose host opts in).

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::hash::HashSync;
use super::route::Route;
use std::rc::Rc;

use super::state::{Action, AppState};
use super::store::Dispatch;
use crate::claimbase;

fn current_hash() -> String {
    // Rendered to static HTML at build time (natively) there is no URL.
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The screen (in `Route::encode` form) the URL hash holds for this instance, if any.
pub fn hash_screen(sync: &HashSync) -> Option<String> {
    sync.read(&current_hash())
}

/// The screen the hash holds for this instance, or `start` when it holds none. A
/// malformed one logs one warning and gives `start` too.
pub fn route_from_hash(sync: &HashSync, start: &Route) -> Route {
    match sync.read(&current_hash()) {
        None => start.clone(),
        Some(screen) => Route::decode(&screen, claimbase::get()).unwrap_or_else(|error| {
            web_sys::console::warn_1(&error.hash_warning(&screen).into());
            start.clone()
        }),
    }
}

/// Follows the hash on back/forward (and hand edits), and writes the state back to
/// it (as a new history entry) when the reader navigates. The state starts from
/// `route_from_hash`; `start` is the screen shown when the hash holds none.
#[hook]
pub fn use_hash_sync(dispatch: Dispatch, state: Rc<AppState>, sync: HashSync, start: Route) {
    {
        use_effect_with((sync.clone(), start.clone()), move |(sync, start)| {
            let listeners = (*sync != HashSync::Off)
                .then(web_sys::window)
                .flatten()
                .map(|window| {
                    let (sync, start) = (sync.clone(), start.clone());
                    let on_change = move |_: &web_sys::Event| {
                        dispatch.dispatch(Action::Restore(Box::new(route_from_hash(&sync, &start))))
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
    let pending = use_mut_ref(|| None::<PendingWrite>);
    use_effect_with(
        (state.route.clone(), sync, start, state.typing),
        move |(route, sync, start, typing)| {
            if *sync == HashSync::Off {
                return;
            }
            let wanted = route.encode(claimbase::get());
            let current = current_hash();
            let held = sync.read(&current);
            // The start screen keeps a clean URL until the reader moves.
            let unchanged =
                held.as_deref() == Some(wanted.as_str()) || (held.is_none() && route == start);
            if unchanged {
                // Back/forward (or typing back to what the URL says): a write
                // still waiting would overwrite the entry the reader is on.
                pending.borrow_mut().take();
                return;
            }
            let url = sync.write(&current, Some(&wanted));
            if *typing {
                // Typing refines one search: one history entry, not one per key,
                // written once the reader pauses (as InstantSearch's router does),
                // so the URL costs nothing per keystroke.
                *pending.borrow_mut() = Some(PendingWrite::after(URL_WRITE_DELAY_MS, url));
            } else {
                // The search typed so far keeps its entry, then the new screen gets one.
                if let Some(typed) = pending.borrow_mut().take() {
                    if !typed.written.get() {
                        write_url(&typed.url, false);
                    }
                }
                write_url(&url, true);
            }
        },
    );
}

/// How long typing must pause before the URL follows it.
const URL_WRITE_DELAY_MS: u32 = 400;

/// Writes the hash: a new history entry (`push`) or in place.
fn write_url(url: &str, push: bool) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let null = &wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(null, "", Some(url))
        } else {
            history.replace_state_with_url(null, "", Some(url))
        };
    }
}

/// A URL write waiting for typing to pause; dropping it cancels the timer.
struct PendingWrite {
    url: String,
    /// Set when the timer has written it.
    written: Rc<std::cell::Cell<bool>>,
    _timer: Timeout,
}

impl PendingWrite {
    fn after(delay_ms: u32, url: String) -> PendingWrite {
        let target = url.clone();
        let written = Rc::new(std::cell::Cell::new(false));
        let done = written.clone();
        let timer = Timeout::new(delay_ms, move || {
            write_url(&target, false);
            done.set(true);
        });
        PendingWrite {
            url,
            written,
            _timer: timer,
        }
    }
}
