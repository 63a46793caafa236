//! Islands: parts of an instance that the app takes over (hydrates) after the
//! rest, in short tasks of their own, so that no start-up task keeps a phone from
//! answering the reader for long (issue #25).
//!
//! How. An island is two elements: its host, which the instance's root renders,
//! and inside it the island's own root element. Before an instance's root is
//! hydrated, `take_over` marks what each host holds in the prerendered page as
//! raw HTML (Yew's own comment marks around it): the root's hydration then
//! adopts the island's root element as it is, without walking into it, and
//! each `Island` created in that hydration knows it is one of those. Then, in
//! document order (top first), each island's content is hydrated as a root of
//! its own (`IslandRoot`, with the instance's context, sharing its state through
//! the store). Each waits until the one before (or the root) is hydrated,
//! effects and all, and then starts at once while the task has run less than
//! `SLICE_MS`, else on a posted message (a timer would be clamped to 4 ms from
//! the fifth in a row). Islands nest: those inside an island are marked when it
//! starts and follow it, in turn again (the view's panel is one island, its
//! sections others). The page's nodes stay where they are throughout: nothing
//! is painted twice, nothing moves. An `Island` rendered any other way (a fresh
//! render, the prerenderer) renders its content in place, in the same markup,
//! so the prerendered page is the same either way.
//!
//! The instance is live (`mx-ready`) once its root is: the reader's first tap or
//! key aimed at an island still waiting starts that island at once, before Yew
//! sees the event (`on_early_event`). A change of screen is announced once every
//! island shows it (`after_takeover`).
//!
//! Before the first takeover, `warm_up` hydrates a tiny component off the page in
//! a task of its own, so that the root's task does not also compile Yew.
//!
//! Rules for where an island goes: its elements are `div`s (`display:
//! contents`), so it wraps whole sections, never list items or table rows; and
//! an island holds every element whose events one of its handlers listens for
//! (Yew hands an event inside an island to the island's root only).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, MessageChannel, Node};
use yew::prelude::*;
use yew::AppHandle;

use super::context::{use_ctx, Ctx};

#[derive(Properties, PartialEq, Clone)]
pub struct IslandProps {
    pub children: Html,
}

#[derive(Properties, PartialEq, Clone)]
pub struct IslandRootProps {
    pub ctx: Ctx,
    pub children: Html,
}

/// An island's content as a root of its own: the instance's context around it.
#[component]
pub fn IslandRoot(props: &IslandRootProps) -> Html {
    // Its first effects run once its hydration is done, effects and all.
    use_effect_with((), |()| island_hydrated());
    html! {
        <ContextProvider<Ctx> context={props.ctx.clone()}>{ props.children.clone() }</ContextProvider<Ctx>>
    }
}

/// A part of the page hydrated in a task of its own (see the module's notes).
#[component]
pub fn Island(props: &IslandProps) -> Html {
    let root_props = IslandRootProps {
        ctx: use_ctx(),
        children: props.children.clone(),
    };
    let host = use_node_ref();
    // Decided once, when it is created: whether this island's prerendered
    // content waits for a task of its own.
    let later = use_memo((), |()| {
        if !with(|t| claim(t, &root_props.ctx.prefix)) {
            return None;
        }
        let later = Rc::new(RefCell::new(Later::Waiting {
            host: host.clone(),
            first: root_props.clone(),
            latest: None,
        }));
        with(|t| t.wait(later.clone()));
        Some(later)
    });
    {
        let later = (*later).clone();
        use_effect_with(root_props.clone(), move |props| {
            if let Some(later) = &later {
                later.borrow_mut().update(props.clone());
            }
        });
    }
    {
        let later = (*later).clone();
        use_effect_with((), move |()| {
            move || {
                let Some(later) = later else { return };
                // Gone before its hydration was done: its effects never run.
                let hydrating = with(|t| t.hydrating.take_if(|h| Rc::ptr_eq(h, &later)).is_some());
                if let Later::Started(app) = later.replace(Later::Gone) {
                    app.destroy();
                }
                if hydrating {
                    post_next();
                }
            }
        });
    }
    match *later {
        // The island's root element, adopted as it is (marked as raw HTML); the
        // island's root alone changes what it holds.
        Some(_) => html! {
            <div class="mx-island" ref={host}>{ Html::from_html_unchecked(AttrValue::Static("")) }</div>
        },
        None => html! {
            <div class="mx-island"><div class="mx-island-root"><IslandRoot ..root_props /></div></div>
        },
    }
}

/// An island hydrated in a task of its own: its props until then, its root after.
enum Later {
    /// The host, the props it was prerendered with, and any newer ones.
    Waiting {
        host: NodeRef,
        first: IslandRootProps,
        latest: Option<IslandRootProps>,
    },
    Started(AppHandle<IslandRoot>),
    /// Unmounted before or after its start.
    Gone,
}

impl Later {
    /// Whether it waits and holds `node`.
    fn holds(&self, node: &Node) -> bool {
        matches!(self, Later::Waiting { host, .. } if host.get().is_some_and(|h| h.contains(Some(node))))
    }

    fn update(&mut self, props: IslandRootProps) {
        match self {
            Later::Waiting { first, latest, .. } => *latest = (*first != props).then_some(props),
            Later::Started(app) => app.update(props),
            Later::Gone => {}
        }
    }

    /// Hydrates the island's host with the props it was rendered with, then
    /// applies any newer ones; false if there was nothing to hydrate.
    fn start(&mut self) -> bool {
        if let Later::Waiting {
            host,
            first,
            latest,
        } = std::mem::replace(self, Later::Gone)
        {
            let Some(host) = host.cast::<Element>().and_then(|h| h.first_element_child()) else {
                return false;
            };
            // Islands inside this one wait for tasks of their own in turn, next.
            let marked = mark_islands(&host);
            let prefix = first.ctx.prefix.clone();
            with(|t| {
                t.expect_claims(prefix, marked);
                t.insert_at = Some(0);
            });
            let mut app = yew::Renderer::<IslandRoot>::with_root_and_props(host, first).hydrate();
            if let Some(latest) = latest {
                app.update(latest);
            }
            *self = Later::Started(app);
            return true;
        }
        false
    }
}

/// The page's takeover: marked islands not yet claimed, islands waiting for
/// their task, and what waits for them all.
struct Takeover {
    /// How many marked islands each instance (by its id prefix) has whose
    /// `Island` is not yet created.
    unclaimed: Vec<(AttrValue, usize)>,
    /// Islands waiting for their task, in document order.
    waiting: VecDeque<Rc<RefCell<Later>>>,
    /// Where islands claimed next join `waiting`: at the back (the root's),
    /// or from this index on (those inside the island just started, which come
    /// next in document order).
    insert_at: Option<usize>,
    /// Instances (by id prefix) whose root is being hydrated.
    roots: Vec<AttrValue>,
    /// The island being hydrated (until its effects have run).
    hydrating: Option<Rc<RefCell<Later>>>,
    /// A task to start the next island is scheduled.
    scheduled: bool,
    /// What runs once every island is hydrated.
    then: Vec<Box<dyn FnOnce()>>,
    /// The target of an event that came while its island waited: the islands
    /// holding it start next, at once.
    urgent: Option<Node>,
}

impl Takeover {
    /// Counts `marked` more islands of instance `prefix` to be claimed.
    fn expect_claims(&mut self, prefix: AttrValue, marked: usize) {
        if marked == 0 {
            return;
        }
        match self.unclaimed.iter_mut().find(|(p, _)| *p == prefix) {
            Some((_, count)) => *count += marked,
            None => self.unclaimed.push((prefix, marked)),
        }
    }

    /// Where the waiting island that holds `node` is in `waiting`.
    fn holder(&self, node: &Node) -> Option<usize> {
        self.waiting
            .iter()
            .position(|l| l.try_borrow().is_ok_and(|l| l.holds(node)))
    }

    /// Queues a claimed island to be started in its turn.
    fn wait(&mut self, later: Rc<RefCell<Later>>) {
        match &mut self.insert_at {
            Some(at) => {
                self.waiting.insert(*at, later);
                *at += 1;
            }
            None => self.waiting.push_back(later),
        }
    }
}

thread_local! {
    // Built as a constant: no first-use check on each access.
    static TAKEOVER: RefCell<Takeover> = const {
        RefCell::new(Takeover {
            unclaimed: Vec::new(),
            waiting: VecDeque::new(),
            insert_at: None,
            roots: Vec::new(),
            hydrating: None,
            scheduled: false,
            then: Vec::new(),
            urgent: None,
        })
    };
}

fn with<T>(f: impl FnOnce(&mut Takeover) -> T) -> T {
    TAKEOVER.with(|t| f(&mut t.borrow_mut()))
}

/// Whether an island of instance `prefix` is being created by its root's
/// hydration (which creates exactly the marked ones), counting it.
fn claim(t: &mut Takeover, prefix: &AttrValue) -> bool {
    let Some(at) = t.unclaimed.iter().position(|(p, _)| p == prefix) else {
        return false;
    };
    t.unclaimed[at].1 -= 1;
    if t.unclaimed[at].1 == 0 {
        t.unclaimed.remove(at);
    }
    true
}

/// Hydrates instance `prefix`'s `renderer` into `root`, its prerendered nodes,
/// and then, in turn, its islands.
pub fn take_over<C: BaseComponent>(
    renderer: yew::Renderer<C>,
    root: &Element,
    prefix: &AttrValue,
) -> AppHandle<C> {
    let marked = mark_islands(root);
    with(|t| {
        t.expect_claims(prefix.clone(), marked);
        t.insert_at = None;
        t.roots.push(prefix.clone());
    });
    // Before the root's hydration adds Yew's own listeners to `root`, so that
    // this one runs first. For the page's life, as the root's.
    let early = Closure::<dyn Fn(Event)>::new(on_early_event).into_js_value();
    for kind in [
        "pointerdown",
        "keydown",
        "focusin",
        "click",
        "input",
        "change",
    ] {
        let _ = root.add_event_listener_with_callback_and_bool(kind, early.unchecked_ref(), true);
    }
    begin_slice();
    renderer.hydrate()
}

/// An event in an instance (a capture listener on its root, ahead of Yew's):
/// if its target is in an island still waiting, that island (and any inside it
/// that hold the target) starts now. Yew's hydration runs in the microtasks
/// that follow, which the browser runs before the next listener, Yew's, when
/// the event is the reader's (not a script's, dispatched within the script):
/// the island answers it. A reader's click comes after the `pointerdown`,
/// `keydown` or `focusin` that started its island.
fn on_early_event(event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Node>().ok()) else {
        return;
    };
    let start_now = with(|t| {
        let waits = t.urgent.is_none() && t.holder(&target).is_some();
        if waits {
            t.urgent = Some(target);
        }
        waits && t.hydrating.is_none() && t.roots.is_empty()
    });
    if start_now {
        start_next();
    }
}

/// Instance `prefix`'s root is hydrated, effects and all (the first effects of
/// its root component, `Explainer`): its islands' turn. Nothing if it was not
/// taken over.
pub fn root_hydrated(prefix: &AttrValue) {
    let was_taken_over = with(|t| {
        let at = t.roots.iter().position(|p| p == prefix);
        at.map(|at| t.roots.remove(at)).is_some()
    });
    if was_taken_over {
        continue_islands();
    }
}

/// The island being hydrated is done, effects and all: the next one's turn.
fn island_hydrated() {
    if with(|t| t.hydrating.take()).is_some() {
        continue_islands();
    }
}

/// The renderer marks each component's nodes with comments that name its
/// type (`<!--<[massage_explainer::app::components::tabs::Tab]>-->`), for
/// hydration, which reads only their brackets (`<[`, `</[`, `]>`). Without the
/// names every page is about 0.3 KB smaller (brotli). For the prerenderer,
/// which writes the pages, and the test of `WARM_UP_MARKUP`.
#[cfg(not(target_arch = "wasm32"))]
pub fn unnamed_marks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        let (before, mark) = rest.split_at(at);
        out.push_str(before);
        let open = if mark.starts_with("<!--</[") {
            "<!--</["
        } else {
            "<!--<["
        };
        match mark.find("]>-->") {
            Some(end) if mark.starts_with(open) && !mark[..end].contains("-->") => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &mark[end + "]>-->".len()..];
            }
            _ => {
                out.push_str("<!--<");
                rest = &mark["<!--<".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What `WarmUp` renders, as the prerenderer writes it: Yew's comment marks
/// around its element, unnamed (a test holds the two the same).
pub const WARM_UP_MARKUP: &str = r#"<!--<[]>--><div class="mx-warm-up"><p>a</p><button type="button">b</button></div><!--</[]>-->"#;

/// Three elements, hydrated by `warm_up`.
#[component]
pub fn WarmUp() -> Html {
    html! {
        <div class="mx-warm-up"><p>{ "a" }</p><button type="button">{ "b" }</button></div>
    }
}

/// Hydrates `WarmUp` in an element outside the page, in a task of its own before
/// an instance's takeover. Chromium compiles each wasm function the first time it
/// runs, on the main thread: this pays for compiling most of Yew's hydration (its
/// scheduler, the marks, elements and text) apart from the root's takeover, which
/// measured about half as long after it (with the CPU slowed 12×: 80-110 ms, then
/// under 50, and this task 50-55). The few nodes are dropped with the handle.
pub fn warm_up() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(host) = document.create_element("div") else {
        return;
    };
    host.set_inner_html(WARM_UP_MARKUP);
    let _handle = yew::Renderer::<WarmUp>::with_root(host).hydrate();
}

/// Marks the content of every outermost island host in `root` as raw HTML for
/// Yew's hydration, and counts them.
fn mark_islands(root: &Element) -> usize {
    let mut marked = 0;
    let Ok(found) = root.query_selector_all(".mx-island") else {
        return marked;
    };
    for host in (0..found.length()).filter_map(|i| found.item(i)) {
        let Ok(host) = host.dyn_into::<Element>() else {
            continue;
        };
        // One inside another is hydrated with it.
        let outer = host
            .parent_element()
            .and_then(|p| p.closest(".mx-island").ok().flatten());
        if outer.is_some_and(|outer| root.contains(Some(&outer))) {
            continue;
        }
        let _ = host.insert_adjacent_html("afterbegin", "<!--<#>-->");
        let _ = host.insert_adjacent_html("beforeend", "<!--</#>-->");
        marked += 1;
    }
    marked
}

/// Runs `f` once every island on the page is hydrated (at once if none waits).
pub fn after_takeover(f: impl FnOnce() + 'static) {
    let now = with(|t| {
        let busy = !t.unclaimed.is_empty()
            || !t.roots.is_empty()
            || t.hydrating.is_some()
            || t.scheduled
            || !t.waiting.is_empty();
        if busy {
            t.then.push(Box::new(f));
            None
        } else {
            Some(f)
        }
    });
    if let Some(f) = now {
        f();
    }
}

/// Starts the next island in a task of its own, soon. Each starts once the one
/// before (or the root) is hydrated, effects and all: when Yew's hydration runs
/// long, it finishes in a later task of its own, and an island started before
/// then would join it there. A message, not a timer: timers nested in timers
/// wait at least 4 ms each from the fifth on.
fn post_next() {
    if with(|t| std::mem::replace(&mut t.scheduled, true)) {
        return;
    }
    let posted = NEXT.with(|channel| {
        channel
            .as_ref()
            .map(|c| c.port2().post_message(&JsValue::NULL).is_ok())
    });
    if posted != Some(true) {
        gloo_timers::callback::Timeout::new(0, start_next_in_new_task).forget();
    }
}

/// How long a task may go on starting islands one after another: real time, so
/// a slower phone fits fewer into a task. A task then runs at most this and one
/// island more; each hop between tasks costs the page a few milliseconds.
const SLICE_MS: f64 = 8.0;

thread_local! {
    /// When the task now starting islands began (`Date.now()`).
    static SLICE_BEGAN: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

fn begin_slice() {
    SLICE_BEGAN.with(|began| began.set(js_sys::Date::now()));
}

/// The next island: in this task if an event waits for it or if the task has
/// run for less than `SLICE_MS`, else in a task of its own.
fn continue_islands() {
    if with(|t| t.urgent.is_some()) || js_sys::Date::now() - SLICE_BEGAN.with(Cell::get) < SLICE_MS
    {
        start_next();
    } else {
        post_next();
    }
}

fn start_next_in_new_task() {
    begin_slice();
    start_next();
}

thread_local! {
    /// Where `post_next` posts (its second port): a message runs
    /// `start_next_in_new_task`.
    /// Held, both ports with it, for the page's life.
    static NEXT: Option<MessageChannel> = next_channel();
}

fn next_channel() -> Option<MessageChannel> {
    let channel = MessageChannel::new().ok()?;
    let on_message = Closure::<dyn FnMut()>::new(start_next_in_new_task);
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // For the page's life, as the channel.
    on_message.forget();
    Some(channel)
}

/// Hydrates the next waiting island, in this task, or, with none left, runs what
/// waited for them all.
fn start_next() {
    let (next, urgent_done) = with(|t| {
        t.scheduled = false;
        if t.hydrating.is_some() {
            // Its end starts the next.
            return (None, false);
        }
        let Some(target) = t.urgent.take() else {
            return (t.waiting.pop_front(), false);
        };
        let holder = t.holder(&target);
        t.urgent = holder.is_some().then_some(target);
        (holder.and_then(|at| t.waiting.remove(at)), holder.is_none())
    });
    if urgent_done {
        // The islands the event needed are live: the rest in their turn.
        return post_next();
    }
    match next {
        Some(later) => {
            if later.borrow_mut().start() {
                with(|t| t.hydrating = Some(later));
            } else {
                continue_islands();
            }
        }
        // Also `None` while an island is being hydrated (above): its end runs them.
        None if with(|t| t.unclaimed.is_empty() && t.hydrating.is_none()) => {
            for f in with(|t| std::mem::take(&mut t.then)) {
                f();
            }
        }
        None => {}
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `warm_up` hydrates `WARM_UP_MARKUP`: it must be what Yew's server renderer
    /// writes for `WarmUp`, with the marks unnamed as the prerenderer leaves them
    /// (a mismatch would panic in the browser, before the takeover).
    #[test]
    fn the_warm_up_markup_is_what_the_renderer_writes() {
        let rendered = futures::executor::block_on(
            yew::ServerRenderer::<WarmUp>::new()
                .hydratable(true)
                .render(),
        );
        assert_eq!(
            unnamed_marks(&rendered),
            WARM_UP_MARKUP,
            "rendered: {rendered}"
        );
    }
}
