// What the declarations must refuse. Each line below the marker is an error;
// if one stops being an error (the types became loose), `tsc` reports the
// unused "@ts-expect-error" and scripts/test fails.
//
// Imported the second way a host can: embed.js by a relative path, with
// embed.d.ts beside it.

import { mountJourneyConsole } from '../../web/embed.js';

declare const outlet: HTMLDivElement;
const handle = await mountJourneyConsole(outlet);

// @ts-expect-error a theme that does not exist
await mountJourneyConsole(outlet, { theme: 'blue' });
// @ts-expect-error an option that does not exist (the console would refuse it too)
await mountJourneyConsole(outlet, { pollInterval: 500 });
// @ts-expect-error the stylesheet is embed.js's business, not the host's
await mountJourneyConsole(outlet, { stylesheet: '/mine.css' });
// @ts-expect-error pollIntervalMs is a number of milliseconds
await mountJourneyConsole(outlet, { pollIntervalMs: '500' });
// @ts-expect-error locale is a language tag
await mountJourneyConsole(outlet, { locale: ['de'] });
// @ts-expect-error a selector is not an element
await mountJourneyConsole('#journeys');
// @ts-expect-error options are an object
await mountJourneyConsole(outlet, 'https://api.example.com');

// @ts-expect-error a token is a string
handle.setToken(42);
// @ts-expect-error a locale is a language tag, not a number
handle.setLocale(49);
// @ts-expect-error a theme is light, dark or auto
handle.setTheme('blue');
// @ts-expect-error the handle has no other methods
handle.remount();
// @ts-expect-error the handle comes from the promise, not instead of it
mountJourneyConsole(outlet).unmount();

const element = document.createElement('journey-console');
// @ts-expect-error a theme that does not exist, as an attribute
element.setAttribute('theme', 'blue');
// @ts-expect-error the element is configured by attributes, it has no such property
element.apiBase = 'https://api.example.com';

element.addEventListener('journey-finished', (event) => {
  // @ts-expect-error the detail has `name`, not `journeyName`
  console.log(event.detail.journeyName);
  // @ts-expect-error the version is a number
  console.log(event.detail.version.toUpperCase());
});
document.addEventListener('journey-stopped', (event) => {
  // @ts-expect-error a status that does not exist
  if (event.detail.status === 'finishing') console.log('never');
});
window.addEventListener('journey-created', (event) => {
  // @ts-expect-error the id is a string
  console.log(event.detail.id * 2);
});
// @ts-expect-error the console dispatches no such event, so its listener gets a plain Event
document.addEventListener('journey-restarted', (event: CustomEvent<{ name: string }>) => console.log(event.detail.name));
