// Starts Journey Console. Trunk would start it with an inline script; this file
// takes its place (Trunk.toml, pattern_script) so that a strict
// Content-Security-Policy (script-src 'self') needs no exception for it.
const boot = document.querySelector('script[data-journey-console-js]');
const { default: init } = await import(boot.dataset.journeyConsoleJs);
await init({ module_or_path: boot.dataset.journeyConsoleWasm });
