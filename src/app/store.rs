//! One instance's state, held outside any one Yew root: the reducer's state and
//! who to tell when it changes. Parts of the explainer can then be separately
//! started roots (each hydrated in a task of its own) that share one state: each
//! reads it and dispatches to it through `use_store`, and `AppState::reduce`
//! stays the one place where state changes. What the reader answers about
//! themselves lives in this state too, so it is kept in memory only: the URL
//! holds `Route`, nothing else.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::state::{Action, AppState};

/// The state and its subscribers.
#[derive(Default)]
struct Store {
    state: RefCell<Rc<AppState>>,
    subscribers: RefCell<Vec<(u32, Callback<()>)>>,
    next_id: Cell<u32>,
}

/// A handle on one instance's state: every root of the instance holds a clone.
/// Two handles are equal when they share a state.
#[derive(Clone, Default)]
pub struct Dispatch(Rc<Store>);

impl PartialEq for Dispatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Dispatch {
    pub fn new(state: AppState) -> Dispatch {
        let store = Store {
            state: RefCell::new(Rc::new(state)),
            ..Store::default()
        };
        Dispatch(Rc::new(store))
    }

    /// The state now.
    pub fn state(&self) -> Rc<AppState> {
        self.0.state.borrow().clone()
    }

    /// Applies an action and, if the state changed, tells every subscriber
    /// (each root re-renders in its own time, as Yew schedules it).
    pub fn dispatch(&self, action: Action) {
        let current = self.state();
        let next = yew::Reducible::reduce(current.clone(), action);
        if Rc::ptr_eq(&next, &current) {
            return;
        }
        *self.0.state.borrow_mut() = next;
        // Cloned first: a subscriber may subscribe or drop one while it runs.
        let subscribers: Vec<Callback<()>> = self
            .0
            .subscribers
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        for subscriber in subscribers {
            subscriber.emit(());
        }
    }

    /// Calls `on_change` after each change, until the subscription is dropped.
    pub fn subscribe(&self, on_change: Callback<()>) -> Subscription {
        let id = self.0.next_id.get();
        self.0.next_id.set(id.wrapping_add(1));
        self.0.subscribers.borrow_mut().push((id, on_change));
        Subscription {
            store: Rc::downgrade(&self.0),
            id,
        }
    }
}

/// A subscription to a state's changes; dropping it ends it.
pub struct Subscription {
    store: Weak<Store>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(store) = self.store.upgrade() {
            store
                .subscribers
                .borrow_mut()
                .retain(|(id, _)| *id != self.id);
        }
    }
}

/// The shared state, for a component of any root: it re-renders when the state
/// changes.
#[hook]
pub fn use_store(dispatch: &Dispatch) -> Rc<AppState> {
    let update = use_force_update();
    let rendered = dispatch.state();
    {
        let rendered = rendered.clone();
        use_effect_with(dispatch.clone(), move |dispatch| {
            let subscription = dispatch.subscribe(Callback::from({
                let update = update.clone();
                move |()| update.force_update()
            }));
            // A change between this first render and the subscription (another
            // root's start-up, say) is not missed.
            if !Rc::ptr_eq(&rendered, &dispatch.state()) {
                update.force_update();
            }
            move || drop(subscription)
        });
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::route::View;

    #[test]
    fn a_change_reaches_every_subscriber_and_no_change_reaches_none() {
        let store = Dispatch::new(AppState::default());
        let calls = Rc::new(Cell::new(0));
        let count = |calls: &Rc<Cell<u32>>| {
            let calls = calls.clone();
            Callback::from(move |()| calls.set(calls.get() + 1))
        };
        let first = store.subscribe(count(&calls));
        let second = store.clone().subscribe(count(&calls));
        store.dispatch(Action::ShowView(View::Safety));
        assert_eq!(calls.get(), 2);
        assert_eq!(store.state().route.screen.view(), View::Safety);
        // The same screen again changes nothing, so no one is told.
        store.dispatch(Action::ShowView(View::Safety));
        assert_eq!(calls.get(), 2);
        drop(first);
        store.dispatch(Action::ShowView(View::Studies));
        assert_eq!(calls.get(), 3);
        drop(second);
        store.dispatch(Action::ShowView(View::Map));
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn handles_are_equal_when_they_share_a_state() {
        let store = Dispatch::new(AppState::default());
        assert!(store == store.clone());
        assert!(store != Dispatch::new(AppState::default()));
    }
}
