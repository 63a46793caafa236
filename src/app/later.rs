//! Running something later, in a task of its own (a `setTimeout`).

use wasm_bindgen::JsCast;

/// Runs `run` after `delay_ms`, once. False (and `run` dropped) where there is no
/// window or the timer can't be set, so the caller can choose what happens then.
pub fn later(delay_ms: i32, run: impl FnOnce() + 'static) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(run);
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay_ms)
        .is_ok()
}
