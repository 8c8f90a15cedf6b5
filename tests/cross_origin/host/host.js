// The host's own script (same origin, so its CSP allows it): it listens to
// the console's events, as a host updating its own chrome would.
window.hostEvents = [];
for (const type of ['journey-finished', 'journey-stopped', 'journey-published', 'journey-deleted', 'journey-created']) {
  document.addEventListener(type, (event) => window.hostEvents.push({ type, ...event.detail }));
}
