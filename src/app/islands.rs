//! Islands: parts of an instance that the app takes over (hydrates) after the
//! rest, in short tasks of their own, so that no start-up task keeps a phone from
//! answering the reader for long (issue #25).
//!
//! How. An island is two elements: its host, which the instance's root renders,
//! and inside it the island's own root element. Before an instance's root is
//! hydrated, `take_over` marks what each host holds in the prerendered page as
//! raw HTML (Yew's own comment marks around it): the root's hydration then
//! adopts the island's root element as it is, without walking into it, and
//! each `Island` created in that hydration knows it is one of those. Then each
//! island's content is hydrated as a root of its own (`IslandRoot`, with the
//! instance's context, sharing its state through the store): first, in document
//! order, those that were on screen when they were marked; then what waited for
//! them runs (`after_on_screen`: the instance's `mx-ready`); then the rest, in
//! document order. So what the reader sees answers soonest, and the rest follows
//! at once, before anyone could scroll to it. Islands nest: those inside an
//! island are marked when it starts and join the queue right after it (the
//! view's panel is one island, its sections others). The page's nodes stay where
//! they are throughout: nothing is painted twice, nothing moves. An `Island`
//! rendered any other way (a fresh render, the prerenderer) renders its content
//! in place, in the same markup, so the prerendered page is the same either way.
//!
//! Tasks. Each island waits until the one before (or the root) is hydrated,
//! effects and all. It starts in the same task if it `fits`: if, at the time per
//! element the task has taken so far, the task likely stays within `TASK_MS`;
//! else on a posted message (a timer would be clamped to 4 ms from the fifth in
//! a row). So a fast device takes over what shows in one task, without frames
//! drawn between islands, and a slow one in several short ones.
//!
//! Before the first takeover, `warm_up_then` hydrates a tiny component off the
//! page, so that the root's takeover does not also compile Yew: in a task of its
//! own where that took long.
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
use web_sys::{Element, MessageChannel};
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
    /// The island's host element, while it waits.
    fn host(&self) -> Option<Element> {
        match self {
            Later::Waiting { host, .. } => host.cast::<Element>(),
            Later::Started(_) | Later::Gone => None,
        }
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
            count_in_slice(marked.own_elements);
            let prefix = first.ctx.prefix.clone();
            with(|t| {
                t.expect_claims(prefix, marked.count);
                t.on_screen.extend(marked.on_screen);
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
#[derive(Default)]
struct Takeover {
    /// How many marked islands each instance (by its id prefix) has whose
    /// `Island` is not yet created.
    unclaimed: Vec<(AttrValue, usize)>,
    /// Islands waiting for their task, in document order.
    waiting: VecDeque<Rc<RefCell<Later>>>,
    /// The hosts of waiting islands that were on screen when they were marked.
    on_screen: Vec<Element>,
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
    /// What runs once the islands on screen are hydrated.
    then_on_screen: Then,
    /// What runs once every island is hydrated.
    then: Then,
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

    /// Whether anything that `then_on_screen` waits for is not done: a root
    /// being hydrated (its islands not yet claimed), an island being hydrated,
    /// or one on screen waiting.
    fn on_screen_pending(&self) -> bool {
        !self.roots.is_empty()
            || !self.unclaimed.is_empty()
            || self.hydrating.is_some()
            || !self.on_screen.is_empty()
    }

    /// Whether anything that `then` waits for is not done.
    fn pending(&self) -> bool {
        self.on_screen_pending() || self.scheduled || !self.waiting.is_empty()
    }

    /// Where the first waiting island that was on screen is, if any.
    fn on_screen_at(&mut self) -> Option<usize> {
        let found = self.waiting.iter().position(|later| {
            later
                .borrow()
                .host()
                .is_some_and(|host| self.on_screen.contains(&host))
        });
        // With every island marked claimed, those left were unmounted before
        // their turn.
        if found.is_none() && self.unclaimed.is_empty() {
            self.on_screen.clear();
        }
        found
    }

    /// Takes the waiting island at `at` out of the queue.
    fn take(&mut self, at: usize) -> Option<Rc<RefCell<Later>>> {
        let later = self.waiting.remove(at)?;
        if let Some(host) = later.borrow().host() {
            self.on_screen.retain(|h| *h != host);
        }
        Some(later)
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
    static TAKEOVER: RefCell<Takeover> = RefCell::default();
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
    begin_slice();
    let marked = mark_islands(root);
    count_in_slice(marked.own_elements);
    with(|t| {
        t.expect_claims(prefix.clone(), marked.count);
        t.on_screen.extend(marked.on_screen);
        t.insert_at = None;
        t.roots.push(prefix.clone());
    });
    renderer.hydrate()
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

/// Three elements, hydrated by `warm_up_then`.
#[component]
pub fn WarmUp() -> Html {
    // Its first effects run once its hydration is done.
    use_effect_with((), |()| warmed_up());
    html! {
        <div class="mx-warm-up"><p>{ "a" }</p><button type="button">{ "b" }</button></div>
    }
}

thread_local! {
    /// When the warm-up began (`now()`), and what follows it.
    static AFTER_WARM_UP: RefCell<Option<(f64, Job)>> = RefCell::default();
}

/// Hydrates `WarmUp` in an element outside the page, then runs `then` (the
/// takeover): in this task if that took under `WARM_UP_MS`, else in a task of its
/// own. Chromium compiles each wasm function the first time it runs, on the main
/// thread: this pays for compiling most of Yew's hydration (its scheduler, the
/// marks, elements and text) apart from the root's takeover, which measured
/// about half as long after it (with the CPU slowed 12×: 80-110 ms, then under
/// 50, and this 50-55). A fast device saves the hop (the warm-up takes about
/// 2 ms at full speed). The few nodes are dropped with the handle.
pub fn warm_up_then(then: impl FnOnce() + 'static) {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok());
    let Some(host) = host else {
        return then();
    };
    AFTER_WARM_UP.with(|after| *after.borrow_mut() = Some((now(), Box::new(then))));
    host.set_inner_html(WARM_UP_MARKUP);
    let _handle = yew::Renderer::<WarmUp>::with_root(host).hydrate();
}

/// `WarmUp` is hydrated: what follows, now or in a task of its own.
fn warmed_up() {
    let Some((began, then)) = AFTER_WARM_UP.with(|after| after.borrow_mut().take()) else {
        return;
    };
    if now() - began < WARM_UP_MS {
        then();
    } else {
        gloo_timers::callback::Timeout::new(0, then).forget();
    }
}

/// What `mark_islands` found.
struct Marked {
    /// How many island hosts it marked.
    count: usize,
    /// Those on screen.
    on_screen: Vec<Element>,
    /// How many elements the root holds outside them: what hydrating it covers.
    own_elements: u32,
}

/// Marks the content of every outermost island host in `root` as raw HTML for
/// Yew's hydration.
fn mark_islands(root: &Element) -> Marked {
    let hosts = outermost_islands(root);
    // Measured before the marks go in, which change the page (a layout then
    // would be one more).
    let on_screen = hosts.iter().filter(|h| is_on_screen(h)).cloned().collect();
    for host in &hosts {
        let _ = host.insert_adjacent_html("afterbegin", "<!--<#>-->");
        let _ = host.insert_adjacent_html("beforeend", "<!--</#>-->");
    }
    Marked {
        count: hosts.len(),
        on_screen,
        own_elements: own_elements(root, &hosts),
    }
}

/// The island hosts in `root` that are in no other island in it.
fn outermost_islands(root: &Element) -> Vec<Element> {
    let Ok(found) = root.query_selector_all(".mx-island") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .filter(|host| {
            let outer = host
                .parent_element()
                .and_then(|p| p.closest(".mx-island").ok().flatten());
            !outer.is_some_and(|outer| root.contains(Some(&outer)))
        })
        .collect()
}

/// How many elements `root` holds outside the `islands` in it.
fn own_elements(root: &Element, islands: &[Element]) -> u32 {
    let all = |e: &Element| e.get_elements_by_tag_name("*").length();
    islands
        .iter()
        .fold(all(root), |n, island| n.saturating_sub(all(island) + 1))
}

/// Whether what `host` holds shows in the window, any part of it. Its boxes
/// are those of its elements, through the islands' own (`display: contents`):
/// one rectangle each, where a range over all it holds would measure every line
/// of text (a few milliseconds for a whole view).
fn is_on_screen(host: &Element) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let size = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    let children = host.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .any(|child| {
            let list = child.class_list();
            if list.contains("mx-island") || list.contains("mx-island-root") {
                return is_on_screen(&child);
            }
            let rect = child.get_bounding_client_rect();
            (rect.width() > 0.0 || rect.height() > 0.0)
                && rect.bottom() > 0.0
                && rect.top() < height
                && rect.right() > 0.0
                && rect.left() < width
        })
}

/// Runs `f` once the islands on screen are hydrated (at once if none waits).
pub fn after_on_screen(f: impl FnOnce() + 'static) {
    after(
        Takeover::on_screen_pending,
        |t| &mut t.then_on_screen,
        Box::new(f),
    );
}

/// Runs `f` once every island on the page is hydrated (at once if none waits).
pub fn after_takeover(f: impl FnOnce() + 'static) {
    after(Takeover::pending, |t| &mut t.then, Box::new(f));
}

/// Something to run later, once.
type Job = Box<dyn FnOnce()>;
type Then = Vec<Job>;

/// Runs `f` now, or, while `pending`, keeps it in `list` for later.
fn after(pending: fn(&Takeover) -> bool, list: fn(&mut Takeover) -> &mut Then, f: Job) {
    let now = with(|t| {
        if pending(t) {
            list(t).push(f);
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

/// How long a task may take starting islands one after another, in real
/// time: a slower phone fits fewer into a task. A long task is one over 50 ms,
/// on a phone's CPU (Lighthouse's mobile profile slows this machine's 4×).
const TASK_MS: f64 = 25.0;

/// How many times its share of the task's time so far the next island may take
/// (`fits`): some hold more work per element than others.
const MARGIN: f64 = 2.0;

/// The warm-up a fast device takes: the takeover follows in the same task.
const WARM_UP_MS: f64 = 8.0;

thread_local! {
    /// The task now starting islands: when it began (`now()`), and how many
    /// elements it has hydrated.
    static SLICE: Cell<(f64, u32)> = const { Cell::new((f64::NEG_INFINITY, 0)) };
}

/// The page's clock, in milliseconds.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn begin_slice() {
    SLICE.with(|slice| slice.set((now(), 0)));
}

fn count_in_slice(elements: u32) {
    SLICE.with(|slice| {
        let (began, counted) = slice.get();
        slice.set((began, counted.saturating_add(elements)));
    });
}

/// Whether hydrating `later` likely ends this task within `TASK_MS`: its
/// elements, at the time per element the task has taken so far, with `MARGIN`.
fn fits(later: &Later) -> bool {
    let Some(root) = later.host().and_then(|h| h.first_element_child()) else {
        return true;
    };
    let elements = f64::from(own_elements(&root, &outermost_islands(&root)));
    let (began, counted) = SLICE.with(Cell::get);
    let spent = now() - began;
    spent + MARGIN * elements * spent / f64::from(counted.max(1)) <= TASK_MS
}

/// The next island, in this task if it fits, else in one of its own.
fn continue_islands() {
    start_next(false);
}

fn start_next_in_new_task() {
    with(|t| t.scheduled = false);
    begin_slice();
    start_next(true);
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

/// Hydrates the next waiting island: one on screen, if any waits; then, with
/// none on screen left, runs what waited for those and leaves the rest to the
/// next task (the handlers of `mx-ready`, and a reader's first tap, come first);
/// with none left at all, runs what waited for them all. In this task if it
/// `fits` (any does in a `fresh` one), else in a task of its own.
fn start_next(fresh: bool) {
    let at = match with(Takeover::on_screen_at) {
        Some(at) => Some(at),
        None => {
            let shown = with(|t| {
                if t.on_screen_pending() {
                    Vec::new()
                } else {
                    std::mem::take(&mut t.then_on_screen)
                }
            });
            if !shown.is_empty() {
                for f in shown {
                    f();
                }
                return post_next();
            }
            with(|t| (!t.waiting.is_empty()).then_some(0))
        }
    };
    let Some(at) = at else {
        if with(|t| !t.on_screen_pending()) {
            for f in with(|t| std::mem::take(&mut t.then)) {
                f();
            }
        }
        return;
    };
    let later = with(|t| t.waiting.get(at).cloned());
    if !fresh && later.is_some_and(|later| !fits(&later.borrow())) {
        return post_next();
    }
    if let Some(later) = with(|t| t.take(at)) {
        start(later);
    }
}

/// Hydrates `later` now; the next island follows once it is done.
fn start(later: Rc<RefCell<Later>>) {
    if later.borrow_mut().start() {
        with(|t| t.hydrating = Some(later));
    } else {
        continue_islands();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `warm_up_then` hydrates `WARM_UP_MARKUP`: it must be what Yew's server renderer
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
