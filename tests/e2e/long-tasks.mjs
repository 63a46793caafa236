// Start-up work with the CPU slowed down, for `make bench` (issue #25): the long
// tasks (over 50 ms) a page runs after its first paint, and what its longest task
// spent in wasm, in JavaScript (the wasm-bindgen glue and the DOM calls it makes)
// and in the browser's own work (compiling, parsing, style, layout, garbage
// collection), from a sampling profile.
//
// The CPU is slowed 4× through the DevTools protocol, as Lighthouse's mobile profile
// assumes a phone is 4× slower than a desktop; unlike Lighthouse's simulation,
// the tasks here are real ones, timed by the page itself.

/** Long tasks after first paint, `mx-ready`, and the first paint, in the page's clock. */
const PROBE = () => {
  window.__startup = { longTasks: [], fcp: undefined, ready: undefined };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__startup.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__startup.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('mx-ready', () => {
    if (window.__startup.ready === undefined) window.__startup.ready = performance.now();
  }, { capture: true });
};

/**
 * Reports the page's start-up through the binding `__mxStartup` once it has
 * settled: `mx-ready` has fired and the main thread then stays idle for three idle
 * periods in a row (each a whole 50 ms the browser had nothing to do), so that work
 * deferred until idle is counted too. The page reports it itself: the driver's own
 * evaluation of a script in the page (its first compiles the driver's injected
 * code, a long task of its own with the CPU slowed) would be counted otherwise.
 */
const SETTLE = () => {
  let calm = 0;
  const tick = (deadline) => {
    calm = deadline.timeRemaining() >= 49 ? calm + 1 : 0;
    if (calm >= 3 && window.__startup.ready !== undefined) window.__mxStartup(JSON.stringify(window.__startup));
    else requestIdleCallback(tick);
  };
  document.addEventListener('mx-ready', () => requestIdleCallback(tick), { once: true, capture: true });
};

/** Where a profile node's own time goes: the wasm, JavaScript, or the browser. */
function kind(frame) {
  if (frame.url.endsWith('.wasm') || frame.url.startsWith('wasm://')) return 'wasm';
  if (frame.url) return 'js';
  if (frame.functionName === '(idle)') return 'idle';
  return 'browser';
}

/**
 * The milliseconds of each kind (wasm, JavaScript, the browser) the sampling
 * `profile` saw between `from` and `to` (µs of the profiler's clock).
 */
export function split(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, kind(n.callFrame)]));
  const spent = { wasm: 0, js: 0, browser: 0 };
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    // A sample's time is the gap to the next one (the last has none).
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const k = byId.get(id);
    if (at >= from && at < to && k !== 'idle') spent[k] += ms;
  });
  return spent;
}

/**
 * One cold load of `url` in a fresh browser (`launch` from support.mjs) with the
 * CPU slowed `rate`×: the long tasks after first paint, `mx-ready` and the first
 * paint (ms from navigation start), and what each long task, and the longest,
 * spent its time on.
 */
export async function startupLoad(launch, url, rate = 4) {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    let settled;
    const startup = new Promise((ok, fail) => {
      settled = ok;
      setTimeout(() => fail(new Error(`${url}: not settled within 60 s`)), 60000).unref();
    });
    await page.exposeBinding('__mxStartup', (_source, json) => settled(JSON.parse(json)));
    await page.addInitScript(PROBE);
    await page.addInitScript(SETTLE);
    await cdp.send('Profiler.start');
    await page.goto(url);
    const seen = await startup;
    const { profile } = await cdp.send('Profiler.stop');
    // The page's clock starts at navigation; the profiler's is the browser's
    // monotonic one, in which the metrics give the navigation's start (seconds).
    const { metrics } = await cdp.send('Performance.getMetrics');
    const navigationStart = metrics.find((m) => m.name === 'NavigationStart').value * 1e6;
    const after = seen.longTasks.filter((t) => t.start >= seen.fcp);
    const longest = after.reduce((a, t) => (a && a.duration >= t.duration ? a : t), null);
    const window_ = (t) => [navigationStart + t.start * 1000, navigationStart + (t.start + t.duration) * 1000];
    return {
      fcp: seen.fcp,
      ready: seen.ready,
      longTasks: after.map((t) => t.duration),
      tasks: after.map((t) => ({ start: t.start, duration: t.duration, ...split(profile, ...window_(t)) })),
      longest: longest ? split(profile, ...window_(longest)) : { wasm: 0, js: 0, browser: 0 },
    };
  } finally {
    await browser.close();
  }
}
