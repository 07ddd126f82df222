/**
 * The popup page's entry: the real client, the real clock, the real clipboard. Everything else
 * is in PopupApp, which tests render with a mock client.
 */
import { render } from 'preact';
import { ExtensionClient } from '../ui/extension-client';
import { PopupApp } from './popup-app';
import { startOpeningReads } from './use-popup-data';

const client = new ExtensionClient();
// Before the first render, so that the browser answers while the popup renders.
const opening = startOpeningReads(client);
render(<PopupApp client={client} opening={opening} />, document.getElementById('app')!);
