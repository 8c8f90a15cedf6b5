// Journey Console for host pages. Import this module (its name never changes
// between builds), then either place the element
//   <journey-console api-base="https://…/api" base-path="/marketing"></journey-console>
// or call mountJourneyConsole(element, options). docs/embedding.md has both.
//
// The console's files have content-hashed names; this module finds them in the
// build's own index.html, so a host never has to follow a new build's names.

const here = new URL('.', import.meta.url);

// The build, loaded once for every console of the page. A load that failed
// (the network, the CDN for a moment) is tried again by the next mount,
// rather than failing every mount until the page is reloaded.
let loading;
function loaded() {
  loading ??= load().catch((error) => {
    loading = undefined;
    if (error instanceof WebAssembly.RuntimeError || String(error?.message).startsWith('Journey Console:')) throw error;
    throw new Error(`Journey Console: could not load its files from ${here}: ${error?.message ?? error}`);
  });
  return loading;
}

async function load() {
  const response = await fetch(new URL('index.html', here));
  if (!response.ok) throw new Error(`Journey Console: ${response.status} for index.html at ${here}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const boot = page.querySelector('script[data-journey-console-js]');
  const stylesheet = page.querySelector('link[rel="stylesheet"]');
  if (!boot || !stylesheet) throw new Error(`Journey Console: no build found at ${here}`);
  const bindings = await import(new URL(boot.dataset.journeyConsoleJs, here).href);
  await bindings.default({ module_or_path: new URL(boot.dataset.journeyConsoleWasm, here) });
  return { bindings, stylesheet: new URL(stylesheet.getAttribute('href'), here).href };
}

// A panic ends the console: the WebAssembly instance traps, and whatever called
// into it (an event handler, a timer, a promise) gets a WebAssembly.RuntimeError.
// Nothing of the console runs after that, so the notice comes from here, in each
// console's own element: the host's page is not ours to replace. The window
// listeners are there only while a console is mounted.
// Each mounted console's handle and element, kept until unmounted: a handle
// the host does not keep must not be collected (which would unmount its
// console at any moment).
const mounted = new Map();
let stylesheetHref;
let stopped = false;

const NOTICE =
  'Journey Console stopped because of an internal error. Reload the page to continue; ' +
  'changes you confirmed were saved. The browser console has the details.';

function showStopped(element) {
  let root = element.shadowRoot;
  if (!root) {
    try {
      root = element.attachShadow({ mode: 'open' });
    } catch {
      root = element;
    }
  }
  const keep = [...root.children].filter((child) => child.matches('link[rel="stylesheet"]'));
  if (keep.length === 0 && stylesheetHref && root !== element) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetHref;
    keep.push(link);
  }
  // The console's root element keeps its theme (data-theme, which the
  // stylesheet keys on), its language and the notice in that language.
  const was = root.querySelector('.journey-console');
  const notice = document.createElement('div');
  notice.className = 'journey-console crash-notice';
  if (was?.dataset.theme) notice.dataset.theme = was.dataset.theme;
  if (was?.lang) notice.lang = was.lang;
  notice.setAttribute('role', 'alert');
  notice.textContent = was?.dataset.crashNotice || NOTICE;
  root.replaceChildren(...keep, notice);
}

/// Says in `element` why the console could not be mounted there (options
/// that make no sense): a `<journey-console>` has no caller to tell.
function showRefused(element, error) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const notice = document.createElement('p');
  notice.setAttribute('role', 'alert');
  notice.textContent = String(error?.message ?? error);
  root.replaceChildren(notice);
}

/// Calls into the console; a trap there stops every console on the page.
function guarded(call) {
  try {
    return call();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) stopAll();
    throw error;
  }
}

function stopAll() {
  stopped = true;
  for (const element of new Set(mounted.values())) showStopped(element);
  mounted.clear();
  unwatch();
}

function crashed(event) {
  const error = event.type === 'unhandledrejection' ? event.reason : event.error;
  if (error instanceof WebAssembly.RuntimeError) stopAll();
}

function watch() {
  addEventListener('error', crashed);
  addEventListener('unhandledrejection', crashed);
}

function unwatch() {
  removeEventListener('error', crashed);
  removeEventListener('unhandledrejection', crashed);
}

/// Mounts the console in `element` (in its shadow root). Options, all optional:
/// apiBase, token, pollIntervalMs, basePath, locale, theme ('light', 'dark' or
/// 'auto'). Resolves to a handle with setToken(token), setLocale(locale),
/// setTheme(theme) and unmount().
export async function mountJourneyConsole(element, options = {}) {
  if (stopped) {
    // Nothing is called in an instance that trapped; the page must be reloaded.
    showStopped(element);
    throw new Error('Journey Console: stopped because of an internal error; reload the page');
  }
  let handle;
  try {
    const { bindings, stylesheet } = await loaded();
    stylesheetHref = stylesheet;
    handle = bindings.mount(element, { ...options, stylesheet });
  } catch (error) {
    // Stopped while starting or mounting: the host may catch the rejection,
    // so the notice cannot wait for an unhandled one.
    if (error instanceof WebAssembly.RuntimeError) {
      mounted.set(element, element);
      stopAll();
    }
    throw error;
  }
  if (mounted.size === 0) watch();
  mounted.set(handle, element);
  // After unmount() (or a trap), every method does nothing.
  const live = () => !stopped && mounted.has(handle);
  return {
    setToken(token) {
      if (live()) guarded(() => handle.setToken(token));
    },
    setLocale(locale) {
      if (live()) guarded(() => handle.setLocale(locale));
    },
    setTheme(theme) {
      if (live()) guarded(() => handle.setTheme(theme));
    },
    unmount() {
      if (!mounted.has(handle)) return;
      // Still counted while it unmounts: a trap there stops it with the rest.
      guarded(() => handle.unmount());
      mounted.delete(handle);
      if (mounted.size === 0) unwatch();
    },
  };
}

class JourneyConsoleElement extends HTMLElement {
  static observedAttributes = ['token', 'locale', 'theme', 'api-base', 'base-path', 'poll-interval-ms'];

  connectedCallback() {
    // Moved in the page (taken out and put back at once): the console, in
    // the element's shadow root, goes with it.
    if (this.placed) return;
    this.placed = true;
    this.mount();
  }

  disconnectedCallback() {
    // Removed for good only if it is not put back in this task.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.placed = false;
      this.unmountNow();
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.placed || previous === value) return;
    if (this.refused) {
      // Refused: any attribute put right may make it mountable.
      this.unmountNow();
      this.mount();
    } else if (name === 'token') this.handle?.setToken(value);
    else if (name === 'locale') this.handle?.setLocale(value);
    else if (name === 'theme') this.handle?.setTheme(value);
    else {
      // Another server or place: a console of its own.
      this.unmountNow();
      this.mount();
    }
  }

  options() {
    const interval = this.getAttribute('poll-interval-ms');
    if (interval !== null && !/^\d+$/.test(interval.trim())) {
      throw new Error(`Journey Console: poll-interval-ms is "${interval}"; it must be a whole number of milliseconds`);
    }
    return {
      apiBase: this.getAttribute('api-base') ?? undefined,
      basePath: this.getAttribute('base-path') ?? undefined,
      token: this.getAttribute('token') ?? undefined,
      locale: this.getAttribute('locale') ?? undefined,
      pollIntervalMs: interval === null ? undefined : Number(interval),
      theme: this.getAttribute('theme') ?? undefined,
    };
  }

  async mount() {
    this.refused = undefined;
    const mounting = (this.mounting = (async () => mountJourneyConsole(this, this.options()))());
    let handle;
    try {
      handle = await mounting;
    } catch (error) {
      // Said where the console would be: an element has no caller to tell
      // (after a trap, the notice is there already).
      if (this.mounting === mounting && !stopped && !(error instanceof WebAssembly.RuntimeError)) {
        this.refused = error;
        showRefused(this, error);
      }
      throw error;
    }
    // Removed, or mounted again, while the console was loading.
    if (this.mounting !== mounting) {
      handle.unmount();
      // Its drawing took the place of a refusal said since: said again.
      if (this.refused && this.isConnected) showRefused(this, this.refused);
      return;
    }
    this.handle = handle;
    // What changed while the console was loading; a value refused is said
    // in the browser's console, the console keeping the one it has.
    for (const apply of [
      () => handle.setToken(this.getAttribute('token')),
      () => handle.setLocale(this.getAttribute('locale')),
      () => handle.setTheme(this.getAttribute('theme')),
    ]) {
      try {
        apply();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        console.error(error);
      }
    }
  }

  unmountNow() {
    this.mounting = undefined;
    this.refused = undefined;
    this.handle?.unmount();
    this.handle = undefined;
  }
}

if (!customElements.get('journey-console')) {
  customElements.define('journey-console', JourneyConsoleElement);
}
