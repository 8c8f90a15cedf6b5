// Journey Console for host pages. Import this module (its name never changes
// between builds), then either place the element
//   <journey-console api-base="https://…/api" base-path="/marketing"></journey-console>
// or call mountJourneyConsole(element, options). docs/embedding.md has both.
//
// The console's files have content-hashed names; this module finds them in the
// build's own index.html, so a host never has to follow a new build's names.

const here = new URL('.', import.meta.url);

const loaded = (async () => {
  const response = await fetch(new URL('index.html', here));
  if (!response.ok) throw new Error(`Journey Console: ${response.status} for index.html at ${here}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const boot = page.querySelector('script[data-journey-console-js]');
  const stylesheet = page.querySelector('link[rel="stylesheet"]');
  if (!boot || !stylesheet) throw new Error(`Journey Console: no build found at ${here}`);
  const bindings = await import(new URL(boot.dataset.journeyConsoleJs, here).href);
  await bindings.default({ module_or_path: new URL(boot.dataset.journeyConsoleWasm, here) });
  return { bindings, stylesheet: new URL(stylesheet.getAttribute('href'), here).href };
})();

// A panic ends the console: the WebAssembly instance traps, and whatever called
// into it (an event handler, a timer, a promise) gets a WebAssembly.RuntimeError.
// Nothing of the console runs after that, so the notice comes from here, in each
// console's own element: the host's page is not ours to replace. The window
// listeners are there only while a console is mounted.
const mounted = new Set();
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

function stopAll() {
  stopped = true;
  for (const element of mounted) showStopped(element);
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
    const { bindings, stylesheet } = await loaded;
    stylesheetHref = stylesheet;
    handle = bindings.mount(element, { ...options, stylesheet });
  } catch (error) {
    // Stopped while starting or mounting: the host may catch the rejection,
    // so the notice cannot wait for an unhandled one.
    if (error instanceof WebAssembly.RuntimeError) {
      mounted.add(element);
      stopAll();
    }
    throw error;
  }
  if (mounted.size === 0) watch();
  mounted.add(element);
  return {
    setToken(token) {
      if (!stopped) handle.setToken(token);
    },
    setLocale(locale) {
      if (!stopped) handle.setLocale(locale);
    },
    setTheme(theme) {
      if (!stopped) handle.setTheme(theme);
    },
    unmount() {
      if (mounted.delete(element) && mounted.size === 0) unwatch();
      if (!stopped) handle.unmount();
    },
  };
}

class JourneyConsoleElement extends HTMLElement {
  static observedAttributes = ['token', 'locale', 'theme'];

  async connectedCallback() {
    const mounting = (this.mounting = mountJourneyConsole(this, {
      apiBase: this.getAttribute('api-base') ?? undefined,
      basePath: this.getAttribute('base-path') ?? undefined,
      token: this.getAttribute('token') ?? undefined,
      locale: this.getAttribute('locale') ?? undefined,
      pollIntervalMs: this.hasAttribute('poll-interval-ms') ? Number(this.getAttribute('poll-interval-ms')) : undefined,
      theme: this.getAttribute('theme') ?? undefined,
    }));
    const handle = await mounting;
    // Removed (or placed again) while the console was loading.
    if (this.mounting !== mounting || !this.isConnected) {
      handle.unmount();
      return;
    }
    this.handle = handle;
    // The theme may have changed while the console was loading.
    handle.setTheme(this.getAttribute('theme'));
  }

  disconnectedCallback() {
    this.mounting = undefined;
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback(name, _previous, value) {
    if (name === 'token') this.handle?.setToken(value);
    if (name === 'locale') this.handle?.setLocale(value);
    if (name === 'theme') this.handle?.setTheme(value);
  }
}

if (!customElements.get('journey-console')) {
  customElements.define('journey-console', JourneyConsoleElement);
}
