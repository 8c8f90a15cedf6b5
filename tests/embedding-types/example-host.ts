// A host page written in TypeScript that embeds Journey Console both ways (the
// element and mountJourneyConsole) and listens to every event it dispatches.
// Only type-checked (scripts/test), never run: the browser tests run the same
// things in JavaScript.

import {
  mountJourneyConsole,
  type JourneyConsoleElement,
  type JourneyConsoleHandle,
  type JourneyConsoleOptions,
  type JourneyEvent,
  type JourneyStatus,
} from 'https://cdn.example.com/journeys/embed.js';

declare function getToken(): Promise<string>;
declare function onTokenRefreshed(listener: (token: string) => void): void;
declare function notify(message: string): void;

// --- As a function ---------------------------------------------------------
const outlet = document.querySelector<HTMLDivElement>('#journeys');
if (outlet) {
  const options: JourneyConsoleOptions = {
    apiBase: 'https://api.example.com/journeys-api',
    token: await getToken(),
    pollIntervalMs: 10_000,
    basePath: '/marketing',
    theme: 'dark',
    locale: 'de',
  };
  const handle: JourneyConsoleHandle = await mountJourneyConsole(outlet, options);
  onTokenRefreshed((token) => handle.setToken(token));
  handle.setToken(null);
  handle.setLocale('de');
  handle.setLocale(null);
  handle.setTheme('dark');
  handle.setTheme();
  handle.unmount();
}

// Every option may be left out, and so may the options themselves.
await mountJourneyConsole(document.createElement('section'));
await mountJourneyConsole(document.createElement('div'), { theme: 'auto', locale: 'en-GB' });
mountJourneyConsole(document.createElement('div'), { apiBase: 'not a url' }).catch((error: unknown) =>
  notify(String(error)),
);

// --- As an element ------------------------------------------------------------
const element: JourneyConsoleElement = document.createElement('journey-console');
element.setAttribute('api-base', 'https://api.example.com/journeys-api');
element.setAttribute('base-path', '/marketing');
element.setAttribute('token', await getToken());
element.setAttribute('poll-interval-ms', String(10_000));
element.setAttribute('theme', 'light');
element.setAttribute('locale', 'de');
// Attributes that are not the console's keep the DOM's types.
element.setAttribute('class', 'journeys');
element.setAttribute('aria-label', 'Journeys');
document.body.append(element);
onTokenRefreshed((token) => element.setAttribute('token', token));

const placed: JourneyConsoleElement | null = document.querySelector('journey-console');
placed?.remove();

// --- Events -------------------------------------------------------------------
function describe(status: JourneyStatus): string {
  switch (status) {
    case 'draft':
      return 'a draft';
    case 'live':
      return 'live';
    case 'paused':
      return 'paused';
    case 'finished':
      return 'finished';
    case 'stopped':
      return 'stopped';
  }
}

element.addEventListener('journey-finished', (event) => {
  const { id, journeyId, name, version, status } = event.detail;
  notify(`${name} v${version.toFixed(0)} (${id} of ${journeyId}) is ${describe(status)}`);
});
document.addEventListener('journey-stopped', (event) => {
  notify(`${event.detail.name} was stopped`);
});
window.addEventListener('journey-published', (event) => {
  notify(`${event.detail.name} v${event.detail.version} is ${describe(event.detail.status)}`);
});
outlet?.addEventListener('journey-deleted', (event) => {
  notify(`${event.detail.name} v${event.detail.version} (${event.detail.id}) was deleted`);
});
document.addEventListener('journey-created', (event: JourneyEvent) => {
  notify(`${event.detail.name} v${event.detail.version} created in ${event.detail.journeyId}`);
});
document.addEventListener('journey-paused', (event) => {
  notify(`${event.detail.name} is ${describe(event.detail.status)}`);
});
element.addEventListener('journey-resumed', (event) => {
  notify(`${event.detail.name} is ${describe(event.detail.status)} again`);
});
window.addEventListener('journey-finish-scheduled', (event) => {
  notify(`The finish of ${event.detail.name} v${event.detail.version} was scheduled or cancelled`);
});
// The detail is a CustomEvent's: the event's own fields are there too.
document.addEventListener('journey-finished', (event) => {
  if (event.bubbles && event.composed && event.target instanceof HTMLElement) notify(event.target.tagName);
});
