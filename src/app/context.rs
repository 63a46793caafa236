//! What every component of one widget instance shares: the dispatcher and a
//! prefix that keeps element ids (and so ARIA references) unique per instance.

use yew::prelude::*;

use super::state::{Action, AppState};
use super::store::Dispatch;
use crate::claimbase::model::RegionIdx;

#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The instance's state, shared by all its roots.
    pub dispatch: Dispatch,
    /// Unique per instance on the page, e.g. `mx1`.
    pub prefix: AttrValue,
    /// Whose emergency numbers to show, if the host said.
    pub region: Option<RegionIdx>,
    /// Each view has a static page of its own (the standalone site): tabs link to them.
    pub pages: bool,
    /// The host's call to action has a slot (an embed in a shadow root).
    pub cta: bool,
}

impl Ctx {
    /// An element id unique to this instance.
    pub fn id(&self, local: &str) -> String {
        format!("{}-{local}", self.prefix)
    }

    /// A callback that dispatches `action`, whatever the event.
    pub fn send<E>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    }
}

/// The instance's context. `App` always provides it; a component rendered on its
/// own (in a test) gets a private one rather than a panic.
#[hook]
pub fn use_ctx() -> Ctx {
    let fallback = use_memo((), |()| Dispatch::new(AppState::default()));
    use_context::<Ctx>().unwrap_or_else(|| Ctx {
        dispatch: (*fallback).clone(),
        prefix: "mx".into(),
        region: None,
        pages: false,
        cta: false,
    })
}
