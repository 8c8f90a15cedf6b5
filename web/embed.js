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

/// Mounts the console in `element` (in its shadow root). Options, all optional:
/// apiBase, token, pollIntervalMs, basePath. Resolves to a handle with
/// setToken(token) and unmount().
export async function mountJourneyConsole(element, options = {}) {
  const { bindings, stylesheet } = await loaded;
  return bindings.mount(element, { ...options, stylesheet });
}

class JourneyConsoleElement extends HTMLElement {
  static observedAttributes = ['token'];

  async connectedCallback() {
    const mounting = (this.mounting = mountJourneyConsole(this, {
      apiBase: this.getAttribute('api-base') ?? undefined,
      basePath: this.getAttribute('base-path') ?? undefined,
      token: this.getAttribute('token') ?? undefined,
      pollIntervalMs: this.hasAttribute('poll-interval-ms') ? Number(this.getAttribute('poll-interval-ms')) : undefined,
    }));
    const handle = await mounting;
    // Removed (or placed again) while the console was loading.
    if (this.mounting !== mounting || !this.isConnected) {
      handle.unmount();
      return;
    }
    this.handle = handle;
  }

  disconnectedCallback() {
    this.mounting = undefined;
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback(name, _previous, value) {
    if (name === 'token') this.handle?.setToken(value);
  }
}

if (!customElements.get('journey-console')) {
  customElements.define('journey-console', JourneyConsoleElement);
}
