// Starts Journey Console. Trunk would start it with an inline script; this file
// takes its place (Trunk.toml, pattern_script) so that a strict
// Content-Security-Policy (script-src 'self') needs no exception for it.
const boot = document.querySelector('script[data-journey-console-js]');

// A panic ends the console: the WebAssembly instance traps, and whatever called
// into it (an event handler, a timer, a promise, this start) gets a
// WebAssembly.RuntimeError. Nothing of the console runs after that, so the
// notice comes from here, in place of the frozen page (web/embed.js does the
// same for embedded consoles). The error still reaches the browser console.
function stopped(event) {
  const error = event.type === 'unhandledrejection' ? event.reason : event.error;
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  // The console's root element has the notice in the console's language.
  const was = document.querySelector('.journey-console');
  notify(
    was?.dataset.crashNotice ||
      'Journey Console stopped because of an internal error. Reload the page to continue; ' +
        'changes you confirmed were saved. The browser console has the details.',
  );
}

// Puts `text` in the console's place, as an alert. The console's root
// element keeps its theme (data-theme, which the stylesheet keys on).
function notify(text) {
  removeEventListener('error', stopped);
  removeEventListener('unhandledrejection', stopped);
  const was = document.querySelector('.journey-console');
  const notice = document.createElement('div');
  notice.className = 'journey-console crash-notice';
  if (was?.dataset.theme) notice.dataset.theme = was.dataset.theme;
  notice.setAttribute('role', 'alert');
  notice.textContent = text;
  document.body.replaceChildren(notice);
}
addEventListener('error', stopped);
addEventListener('unhandledrejection', stopped);

// config.json is asked for now, while the code loads, and handed to the
// console on this element (src/config.rs), so the console reads it at once
// when it starts instead of asking then and waiting. It is handed over read:
// reading a body (even one made from a string) takes tasks of its own, and
// the console, reading config.json first thing, waited a frame for them.
// What the answer means (none, HTML, a bad file) is the console's to say.
boot.journeyConsoleConfig = fetch('config.json', { cache: 'no-cache' }).then(async (response) => ({
  status: response.status,
  statusText: response.statusText,
  contentType: response.headers.get('content-type') ?? undefined,
  body: await response.text(),
}));

// So is the list's first page, as soon as config.json names an HTTP backend:
// the first rows wait for it, and on a slow network it then arrives while the
// code downloads rather than after. This is the console's own first request
// (src/sync/http_backend.rs, `page`; journey_sync::FIRST_PAGE), and the console
// takes the answer only if it asked the same address with the same token and
// got a 200 (src/sync/early_first_page.rs); anything else, it asks again. A
// 200 is handed over read, as config.json is; a body the console would refuse
// for its declared size (journey_sync::MAX_BODY_BYTES, 32 MiB) is not read.
boot.journeyConsoleFirstPage = boot.journeyConsoleConfig
  .then(({ status, body }) => (status >= 200 && status < 300 ? JSON.parse(body) : undefined))
  .then((config) => {
    // As runtime_config reads apiBase and token; a file it would refuse asks nothing.
    const apiBase = typeof config?.apiBase === 'string' ? config.apiBase.trim().replace(/\/+$/, '') : '';
    if (config?.backend !== 'http' || !/^(https?:\/\/.|\/(?!\/))/.test(apiBase) || /[\s?#]/.test(apiBase)) return undefined;
    const token = typeof config.token === 'string' && config.token.trim() ? config.token : undefined;
    const url = new URL(`${apiBase}/journeys?limit=100`, document.baseURI).href;
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    // Given up with the console's own deadline for one attempt (15 s,
    // journey_sync::ATTEMPT_TIMEOUT); a failure here is the console's to meet.
    const answer = fetch(url, { headers, signal: AbortSignal.timeout(15_000) }).then(async (response) => {
      const declared = Number(response.headers.get('content-length'));
      if (response.status !== 200 || declared > 32 * 1024 * 1024) return { status: response.status };
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        etag: response.headers.get('etag') ?? undefined,
        body: await response.text(),
      };
    });
    answer.catch(() => {});
    return { url, token, answer };
  })
  .catch(() => undefined);
// Settles once that answer is in, or failed, or nothing was asked: the
// console starts then (src/lib.rs), at most a moment after its code is ready.
boot.journeyConsoleFirstPageIn = boot.journeyConsoleFirstPage
  .then((asked) => asked?.answer)
  .then(
    () => undefined,
    () => undefined,
  );

try {
  const { default: init } = await import(boot.dataset.journeyConsoleJs);
  await init({ module_or_path: boot.dataset.journeyConsoleWasm });
} catch (error) {
  // The code could not be fetched, checked or compiled (a network failure,
  // a server sending other files than the build's): none of the console
  // runs, so this says so, in English, as no catalog has been read. A trap
  // while starting is a stop like any other.
  if (error instanceof WebAssembly.RuntimeError) stopped({ type: 'error', error });
  else notify('Journey Console could not load its code. Reload the page to try again; the browser console has the details.');
  throw error;
}
