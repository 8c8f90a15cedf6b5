// The host's own client-side router, which shows Journey Console under
// /marketing and its own page elsewhere, and listens to the console's events.
import '/tools/journeys/embed.js';

window.hostEvents = [];
for (const type of ['journey-finished', 'journey-stopped', 'journey-published', 'journey-deleted', 'journey-created']) {
  document.addEventListener(type, (event) => window.hostEvents.push({ type, ...event.detail }));
}
window.hostKeys = [];
document.addEventListener('keydown', (event) => window.hostKeys.push(event.key));

function render() {
  const outlet = document.getElementById('host-outlet');
  if (location.pathname.startsWith('/marketing')) {
    if (outlet.querySelector('journey-console')) return;
    const console = document.createElement('journey-console');
    console.setAttribute('api-base', 'http://127.0.0.1:8787/api');
    console.setAttribute('token', 'operator-token');
    console.setAttribute('base-path', '/marketing');
    console.setAttribute('poll-interval-ms', '500');
    outlet.replaceChildren(console);
  } else {
    const heading = document.createElement('h1');
    heading.textContent = 'Campaigns';
    outlet.replaceChildren(heading);
  }
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-host-link]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  render();
});
window.addEventListener('popstate', render);
render();
