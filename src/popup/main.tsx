/**
 * The popup page's entry: the real client, the real clock, the real clipboard. Everything else
 * is in PopupApp, which tests render with a mock client.
 */
import { render } from 'preact';
import { ExtensionClient } from '../ui/extension-client';
import { PopupApp } from './popup-app';

render(<PopupApp client={new ExtensionClient()} />, document.getElementById('app')!);
