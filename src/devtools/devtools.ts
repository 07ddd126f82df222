/**
 * The DevTools page: it only adds the panel. It runs whenever DevTools opens on any page, so it
 * does nothing else.
 */
import browser from '../shared/browser';

void browser.devtools.panels.create('Industry SSO', '/icons/icon-32.png', '/src/devtools/panel.html');
