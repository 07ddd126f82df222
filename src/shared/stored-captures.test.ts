import { describe, expect, it } from 'vitest';
import type { Capture } from './capture';
import { DEFAULT_SETTINGS } from './settings';
import { SETTINGS_VIEW_KEY, readPublishedSettingsView, settingsView } from './settings-view';
import {
  MAX_ELSEWHERE,
  captureIdOf,
  captureKey,
  captureKeyOfId,
  captureListsIn,
  capturesElsewhere,
  capturesView,
  isPopupDataKey,
  storedPopupData,
  tabIdOfKey,
  withChanges,
} from './stored-captures';
import { FIXED_NOW, FIXTURE_TOKENS, makeCapture, verifiedValid } from '../test-support/fixtures';

const VIEW = settingsView(DEFAULT_SETTINGS);
const CURRENT = VIEW.verification.fingerprint;

function stored(captures: Capture[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const items: Record<string, unknown> = { ...extra };
  for (const capture of [...captures].sort((a, b) => b.capturedAt - a.capturedAt)) {
    const key = captureKey(capture.tabId);
    items[key] = [...((items[key] as Capture[] | undefined) ?? []), capture];
  }
  return items;
}

describe('the capture layout in storage.session', () => {
  it('keys a list by tab, pastes apart, and reads the tab back from its key', () => {
    expect(captureKey(7)).toBe('captures:tab:7');
    expect(captureKey(null)).toBe('captures:paste');
    expect(tabIdOfKey('captures:tab:7')).toBe(7);
    expect(tabIdOfKey('captures:paste')).toBeNull();
    expect(tabIdOfKey('captures:tab:7x')).toBeNull();
  });

  it('reads the list a capture is kept in from its id, and nothing from an id of another shape', () => {
    expect(captureKeyOfId(captureIdOf(7, 'ab12'))).toBe(captureKey(7));
    expect(captureKeyOfId(captureIdOf(null, 'ab12'))).toBe(captureKey(null));
    expect(captureKeyOfId('tab7:ab12')).toBeNull();
    expect(captureKeyOfId('x')).toBeNull();
  });

  it('tells the keys the popup shows from the rest of the area', () => {
    expect(isPopupDataKey(captureKey(7))).toBe(true);
    expect(isPopupDataKey(SETTINGS_VIEW_KEY)).toBe(true);
    expect(isPopupDataKey('timeline:tab:7')).toBe(false);
    expect(isPopupDataKey('store:cleared')).toBe(false);
  });

  it('applies reported changes: a new value replaces the key, a change without one removes it', () => {
    const items = { a: 1, b: 2, c: 3 };
    expect(withChanges(items, { a: { newValue: 10 }, b: {}, d: { newValue: 4 } })).toEqual({ a: 10, c: 3, d: 4 });
    expect(items).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('finds only capture lists among the other keys of the area', () => {
    const capture = makeCapture(FIXTURE_TOKENS.valid);
    const lists = captureListsIn({
      'captures:tab:7': [capture],
      'captures:tab:8': 'not a list',
      'store:cleared': { all: 1, keys: {} },
      'auto-verify:recent': [],
      [SETTINGS_VIEW_KEY]: VIEW,
    });
    expect([...lists.keys()]).toEqual(['captures:tab:7']);
  });

  it('lists the others newest first, at most MAX_ELSEWHERE, never the tab’s own', () => {
    const others = Array.from({ length: MAX_ELSEWHERE + 3 }, (_, i) =>
      makeCapture(FIXTURE_TOKENS.valid, { tabId: 100 + i, capturedAt: FIXED_NOW - i }),
    );
    const own = makeCapture(FIXTURE_TOKENS.valid, { tabId: 7, capturedAt: FIXED_NOW + 1 });
    const elsewhere = capturesElsewhere(captureListsIn(stored([own, ...others])), 7);
    expect(elsewhere.map((c) => c.id)).toEqual(others.slice(0, MAX_ELSEWHERE).map((c) => c.id));
  });
});

describe('what the popup lists', () => {
  it('gives the tab’s captures and the others, hiding results made under other settings', () => {
    const current = makeCapture(FIXTURE_TOKENS.valid, {
      tabId: 7,
      verification: { result: verifiedValid(), settingsFingerprint: CURRENT },
    });
    const stale = makeCapture(FIXTURE_TOKENS.expired, {
      tabId: 9,
      verification: { result: verifiedValid(), settingsFingerprint: 'made-under-another-clientid' },
    });
    const view = capturesView(stored([current, stale]), 7, CURRENT);
    expect(view.currentTab).toEqual([current]);
    expect(view.elsewhere).toHaveLength(1);
    expect(view.elsewhere[0]!.verification).toBeUndefined();
  });

  it('with no tab, lists no captures of its own', () => {
    const view = capturesView(stored([makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 })]), null, CURRENT);
    expect(view.currentTab).toEqual([]);
    expect(view.elsewhere).toHaveLength(1);
  });

  it('reads the published settings view and filters by its fingerprint', () => {
    const capture = makeCapture(FIXTURE_TOKENS.valid, {
      verification: { result: verifiedValid(), settingsFingerprint: CURRENT },
    });
    const data = storedPopupData(stored([capture], { [SETTINGS_VIEW_KEY]: VIEW }), 7);
    expect(data).toEqual({ settings: VIEW, view: { currentTab: [capture], elsewhere: [] } });
  });

  it('is null until a settings view is published, so the page asks the background', () => {
    expect(storedPopupData(stored([makeCapture(FIXTURE_TOKENS.valid)]), 7)).toBeNull();
  });
});

describe('the published settings view', () => {
  it('is taken only in this version’s shape', () => {
    expect(readPublishedSettingsView(VIEW)).toEqual(VIEW);
    for (const bad of [
      undefined,
      null,
      'th',
      { ...VIEW, language: 'fr' },
      { ...VIEW, captureSites: [1] },
      { ...VIEW, verification: undefined },
      { ...VIEW, verification: { ...VIEW.verification, fingerprint: 1 } },
      { ...VIEW, verification: { ...VIEW.verification, endpointSecurity: 'maybe' } },
    ])
      expect(readPublishedSettingsView(bad)).toBeNull();
  });
});
