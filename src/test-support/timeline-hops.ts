/**
 * Test-only (never imported by product code): a hop of the login timeline, an answered GET on
 * the demo SSO, with whatever a test changes.
 */
import type { TimelineHop } from '../domain/login-timeline';

export function timelineHop(overrides: Partial<TimelineHop> = {}): TimelineHop {
  return {
    requestId: '1',
    frame: 'main',
    method: 'GET',
    url: 'http://127.0.0.1:18081/authorize',
    startedAt: Date.UTC(2026, 10, 24, 3, 0, 0),
    durationMs: 12.4,
    status: 200,
    error: null,
    location: null,
    tokenPlaces: [],
    tokenIds: [],
    requestHeaders: [],
    responseHeaders: [],
    ...overrides,
  };
}
