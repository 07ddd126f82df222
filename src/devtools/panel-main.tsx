/**
 * The panel page's entry. DevTools names the inspected tab (`devtools.inspectedWindow.tabId`);
 * opened as a plain extension page (`panel.html?tabId=N`, as the real-browser tests do, since
 * DevTools itself cannot be opened headless) the tab comes from the address.
 */
import { render } from 'preact';
import browser from '../shared/browser';
import { ExtensionClient } from '../ui/extension-client';
import { clipboardWriteText } from '../ui/copy-button';
import { PanelApp } from './panel-app';
import { storageTimelineSource } from './storage-timeline-source';

function inspectedTabId(): number | null {
  const fromAddress = Number(new URLSearchParams(location.search).get('tabId') ?? '');
  if (Number.isSafeInteger(fromAddress) && fromAddress >= 0 && location.search.includes('tabId=')) return fromAddress;
  const inspected = browser.devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : null;
}

render(
  <PanelApp
    tabId={inspectedTabId()}
    source={storageTimelineSource}
    client={new ExtensionClient()}
    writeText={clipboardWriteText}
  />,
  document.getElementById('app')!,
);
