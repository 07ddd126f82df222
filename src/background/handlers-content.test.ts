import { describe, expect, it } from 'vitest';
import {
  TOKEN,
  OTHER,
  CANDIDATE,
  CAPTURE_SITE,
  NOT_A_CAPTURE_SITE,
  content,
  setUp,
} from '../test-support/handlers-harness';

describe('content→bg:token-seen', () => {
  it('on load, keeps a candidate that is in the page’s URL on a capture site, and sets the badge', async () => {
    const { handlers, store, refreshBadge, verification, tabUrl } = setUp();
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(reply).toEqual({ stored: 1 });
    expect(await store.forTab(7)).toEqual([expect.objectContaining({ tabId: 7, pagePath: '/callback', token: TOKEN })]);
    expect((await store.forTab(7))[0]!.inPage).toBeUndefined();
    expect(refreshBadge).toHaveBeenCalledWith(7);
    expect(verification.autoVerify).toHaveBeenCalledOnce();
    expect(tabUrl).not.toHaveBeenCalled();
  });

  it('on load, drops what the page reported but its URL does not hold, and malformed reports', async () => {
    const { handlers, store } = setUp();
    const url = `${CAPTURE_SITE}?token=${TOKEN}`;
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [{ ...CANDIDATE, value: OTHER }], trigger: 'load' },
        content(url),
      ),
    ).toEqual({ stored: 0 });
    expect(
      await handlers['content→bg:token-seen']({ candidates: 'not a list' as never, trigger: 'load' }, content(url)),
    ).toEqual({ stored: 0 });
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [{ ...CANDIDATE, location: 'form' }] as never, trigger: 'load' },
        content(url),
      ),
    ).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
  });

  it('keeps nothing from a page that is not a capture site', async () => {
    const { handlers, store, refreshBadge } = setUp();
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'load' },
        content(`${NOT_A_CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
    expect(refreshBadge).not.toHaveBeenCalled();
  });

  it('on hashchange, checks the candidates against the tab’s URL now, not the URL the document loaded with', async () => {
    const { handlers, store, tabUrl } = setUp();
    tabUrl.mockResolvedValue(`${CAPTURE_SITE}#token=${TOKEN}`);
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [{ ...CANDIDATE, location: 'fragment' }], trigger: 'hashchange' },
      content(CAPTURE_SITE),
    );
    expect(reply).toEqual({ stored: 1 });
    expect(tabUrl).toHaveBeenCalledWith(7);
    expect(await store.forTab(7)).toEqual([expect.objectContaining({ inPage: true, source: 'fragment' })]);
  });

  it('on hashchange, takes nothing the tab’s URL does not hold, even if the sender’s URL does', async () => {
    const { handlers, store, tabUrl } = setUp();
    tabUrl.mockResolvedValue(CAPTURE_SITE);
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'hashchange' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(reply).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
  });

  it('on hashchange, takes nothing when the tab is gone or is no longer on a capture site', async () => {
    const { handlers, tabUrl } = setUp();
    tabUrl.mockResolvedValue('');
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
    tabUrl.mockResolvedValue(`${NOT_A_CAPTURE_SITE}?token=${TOKEN}`);
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
  });

  it('on hashchange, ignores frames: only the top frame’s URL is the tab’s', async () => {
    const { handlers, tabUrl } = setUp();
    tabUrl.mockResolvedValue(`${CAPTURE_SITE}?token=${TOKEN}`);
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`, 3),
      ),
    ).toEqual({ stored: 0 });
    expect(tabUrl).not.toHaveBeenCalled();
  });

  it('treats any trigger but load as the page changing its own URL', async () => {
    const { handlers, tabUrl } = setUp();
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'something' as never },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(tabUrl).toHaveBeenCalledWith(7);
  });
});

describe('content→bg:page-hygiene', () => {
  it('hands the report to the hygiene service with the sender’s tab and frame, never the payload’s', async () => {
    const { handlers, hygiene } = setUp();
    hygiene.recordPageReport.mockResolvedValueOnce(1);
    const report = { referrerPolicy: 'unsafe-url', resourceOrigins: ['http://127.0.0.1:1'], tabId: 99 };
    expect(await handlers['content→bg:page-hygiene'](report, content(`${CAPTURE_SITE}?token=${TOKEN}`, 0))).toEqual({
      recorded: 1,
    });
    expect(hygiene.recordPageReport).toHaveBeenCalledWith(7, 0, report);
  });
});
