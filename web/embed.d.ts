// TypeScript declarations for embed.js, Journey Console's module for host pages.
// Served beside embed.js in every build; docs/embedding.md ("TypeScript") shows
// how a host references them. Importing the module (or including this file in a
// host's program) also types the <journey-console> element and the events the
// console dispatches, on elements, on `document` and on `window`.

/** Where a journey version is in its life. "Finishing" is not a status: it is a
 * finished version that still has customers in it. */
export type JourneyStatus = 'draft' | 'live' | 'paused' | 'finished' | 'stopped';

/** The console's colours: `'auto'` follows the user's `prefers-color-scheme`. */
export type JourneyConsoleTheme = 'light' | 'dark' | 'auto';

/** The options of {@link mountJourneyConsole}; all of them are optional. An
 * option that makes no sense (an `apiBase` that is not an address, a
 * misspelt name) makes the mount reject with a message naming it. */
export interface JourneyConsoleOptions {
  /** The HTTP contract's base address (docs/contract/): an `http(s)://`
   * address, or a path starting with `/` on the page's own origin. Without
   * it, the console runs on its in-browser demo backend. */
  apiBase?: string;
  /** Bearer token sent as `Authorization: Bearer …` to `apiBase`: visible
   * ASCII without spaces (surrounding spaces are trimmed). Give a refreshed
   * one to {@link JourneyConsoleHandle.setToken}. */
  token?: string | null;
  /** How often the journey list is refreshed from `apiBase`, in whole
   * milliseconds: at least 500, at most 86400000 (a day), 5000 when left out.
   * Only with `apiBase`. */
  pollIntervalMs?: number;
  /** Where the console's pages live in the host's URLs: with `'/marketing'`,
   * Home is `/marketing/` and a journey is `/marketing/journeys/{id}`. Empty or
   * left out: the site's root. A path from the root: it starts with `/`. */
  basePath?: string;
  /** Light or dark colours; `'auto'` (the default) follows the user's
   * `prefers-color-scheme`. */
  theme?: JourneyConsoleTheme;
  /** The language of the console's words, as a BCP 47 tag such as `'en'` or
   * `'de'`. Defaults to the browser's language. English and German are
   * shipped; any other language shows English. */
  locale?: string;
}

/** A console mounted by {@link mountJourneyConsole}. */
export interface JourneyConsoleHandle {
  /** Replaces the bearer token (a refreshed one); the next request carries
   * it. `null` or an empty string sends no token. Throws for a token that
   * cannot be sent in a header (see {@link JourneyConsoleOptions.token}),
   * keeping the one before. */
  setToken(token: string | null): void;
  /** Switches the console's language at once, without a reload (a BCP 47
   * tag, as {@link JourneyConsoleOptions.locale}); `null` means the browser's
   * language. */
  setLocale(locale: string | null): void;
  /** Switches to the `'light'`, `'dark'` or `'auto'` theme at once; none
   * means `'auto'`. Throws for a word that is not a theme. */
  setTheme(theme?: JourneyConsoleTheme | null): void;
  /** Removes the console from its element, with every listener, timer and
   * poll it had. Calling it again does nothing, and so do the handle's other
   * methods once it has been called. Until then the handle is kept alive by
   * the module: a host need not keep it for the console to stay. */
  unmount(): void;
}

/**
 * Mounts Journey Console in `element`, in a shadow root of its own (the host's
 * CSS does not reach in, the console's does not reach out). The element must
 * be able to hold a shadow root (a `div`, a `section`, a custom element, ...).
 *
 * Resolves once the console is drawn. Rejects when the console's build cannot
 * be loaded from beside embed.js, when an option makes no sense (the message
 * names it), or after the console stopped because of an internal error (the
 * element then shows a notice asking to reload the page).
 */
export declare function mountJourneyConsole(
  element: HTMLElement,
  options?: JourneyConsoleOptions,
): Promise<JourneyConsoleHandle>;

/** The attributes of `<journey-console>`, as markup or a framework's template
 * writes them. Each is the same as the {@link JourneyConsoleOptions} option of
 * the camel-cased name. */
export interface JourneyConsoleAttributes {
  /** As {@link JourneyConsoleOptions.apiBase}. */
  'api-base'?: string;
  /** As {@link JourneyConsoleOptions.basePath}. */
  'base-path'?: string;
  /** As {@link JourneyConsoleOptions.token}. Changing the attribute hands the
   * mounted console a refreshed token; removing it sends none. */
  token?: string;
  /** As {@link JourneyConsoleOptions.pollIntervalMs}, in decimal digits. */
  'poll-interval-ms'?: string;
  /** As {@link JourneyConsoleOptions.theme}. */
  theme?: JourneyConsoleTheme;
  /** As {@link JourneyConsoleOptions.locale}. */
  locale?: string;
}

/**
 * The `<journey-console>` element, defined by embed.js. Placing it in the
 * document mounts the console with the options its attributes give
 * ({@link JourneyConsoleAttributes}); removing it unmounts the console, and
 * placing it again mounts it anew, while moving it (out and back in the same
 * task) keeps it. Changing `api-base`, `base-path` or `poll-interval-ms`
 * mounts it anew; attributes it refuses are said inside it. It has no
 * properties or methods of its own: it is configured through its attributes.
 */
export interface JourneyConsoleElement extends HTMLElement {
  /** Sets an attribute; for the console's own attributes the value must be
   * one that {@link JourneyConsoleAttributes} allows (a `theme` out of
   * `'light' | 'dark' | 'auto'`). */
  setAttribute<Name extends string>(
    qualifiedName: Name,
    value: Name extends keyof JourneyConsoleAttributes ? NonNullable<JourneyConsoleAttributes[Name]> : string,
  ): void;
}

/** What the console tells its host after the user changed a journey version:
 * that version, as it is after the change (for `journey-deleted`, as it was;
 * for `journey-created`, the new version). */
export interface JourneyEventDetail {
  /** The journey version's id, as in `/journeys/{id}`. */
  id: string;
  /** The journey's id, shared by all its versions. */
  journeyId: string;
  /** The journey's name. */
  name: string;
  /** The version's number, from 1. */
  version: number;
  /** The version's status after the change. */
  status: JourneyStatus;
}

/** An event the console dispatches on its element: a `CustomEvent` that
 * bubbles and crosses shadow roots, so `document` and `window` hear it too. */
export type JourneyEvent = CustomEvent<JourneyEventDetail>;

/** Every event the console dispatches, by name. */
export interface JourneyConsoleEventMap {
  /** After Finish: no new customer enters; those inside go on to the end. */
  'journey-finished': JourneyEvent;
  /** After Stop: everyone in the journey version is stopped at once. */
  'journey-stopped': JourneyEvent;
  /** After Publish: the draft is live. */
  'journey-published': JourneyEvent;
  /** After Delete: the draft is gone; `detail` is the version as it was. */
  'journey-deleted': JourneyEvent;
  /** After Create new version or Duplicate; `detail` is the new draft. */
  'journey-created': JourneyEvent;
  /** After Pause: no new customer enters; those inside are held (or were
   * discarded) until the pause ends. */
  'journey-paused': JourneyEvent;
  /** After Resume: the paused version is live again. */
  'journey-resumed': JourneyEvent;
  /** After Schedule finish (set or changed) or Cancel scheduled finish; the
   * version's status is unchanged. */
  'journey-finish-scheduled': JourneyEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-console': JourneyConsoleElement;
  }
  // The console's element is the host's (a <journey-console> or the element
  // given to mountJourneyConsole), and its events bubble to document and window.
  interface HTMLElementEventMap extends JourneyConsoleEventMap {}
  interface DocumentEventMap extends JourneyConsoleEventMap {}
  interface WindowEventMap extends JourneyConsoleEventMap {}
}
