/**
 * The one door to the WebExtension API. Every context imports `browser` from here, never from
 * the polyfill directly, so that tests can swap it and so the polyfill is loaded in one place.
 * The polyfill gives Chrome the promise-based `browser.*` API that Firefox has natively.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, WebRequest, Storage } from 'webextension-polyfill';
export default browser;
