// Background entry. Listeners are registered at the top level so that capture works with no
// popup open and after Chrome restarts a stopped worker.
import browser from '../shared/browser';

browser.runtime.onInstalled.addListener(() => undefined);
