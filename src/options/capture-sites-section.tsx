/**
 * Capture sites: the built-in ones, read-only, and the origins a person added, each
 * with whether its host permission is granted right now. Added origins are optional host
 * permissions, asked for when added and given back when removed; the background then
 * registers (or unregisters) the capture script there (`syncCaptureSites`).
 *
 * Firefox MV3 treats even manifest host permissions as the user's to grant, so the built-in
 * sites show their permission state too, with a Grant button when it is missing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { Settings } from '../shared/settings';
import { normaliseOrigin, originToPattern } from '../domain/url';
import { inBothLanguages, useStrings } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';
import { askForOrigin, type PermissionAnswer } from './ask-for-origin';
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';
import { describedBy } from './field';
import { SiteRow } from './site-row';
import { StatusMessage } from './status-message';
import { POLICY_STRINGS } from './policy-strings';
import { errorText, statusReport, type MessageText, type StatusReport } from './status-report';
import type { SaveSettings } from './save-settings';

export interface CaptureSitesSectionProps {
  client: InspectorClient;
  saved: Settings;
  save: SaveSettings;
  /** Sites the organisation's policy adds: listed apart, and not the person's to remove. */
  policySites?: readonly string[];
}

export function CaptureSitesSection({ client, saved, save, policySites = [] }: CaptureSitesSectionProps) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const policyText = useStrings(POLICY_STRINGS).t;
  // The settings in force list the organisation's sites first; the person's own are the rest.
  const ownSites = saved.captureSites.filter((site) => !policySites.includes(site));
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<MessageText | undefined>(undefined);
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [busy, setBusy] = useState(false);
  /** origin → granted; missing while the check is under way. */
  const [permissions, setPermissions] = useState<Record<string, boolean>>({});

  const allOrigins = [...DEFAULT_CAPTURE_SITES.map((site) => site.origin), ...saved.captureSites];

  const originsKey = allOrigins.join(' ');
  useEffect(() => {
    let live = true;
    for (const origin of allOrigins) {
      client.hasOrigin(origin).then(
        (granted) => live && setPermissions((current) => ({ ...current, [origin]: granted })),
        () => live && setPermissions((current) => ({ ...current, [origin]: false })),
      );
    }
    return () => {
      live = false;
    };
    // `originsKey` stands for `allOrigins`, which is a new array on every render.
  }, [client, originsKey]);

  const setPermission = (origin: string, granted: boolean) =>
    setPermissions((current) => ({ ...current, [origin]: granted }));

  /** Asks the background to register capture where permitted, and says what it did. */
  async function syncLines(): Promise<{ complete: boolean; lines: MessageText[] }> {
    try {
      const reply = await client.syncCaptureSites();
      const lines: MessageText[] = [
        {
          key: 'sites.syncReport',
          values: { origins: reply.registered.join(', ') || inBothLanguages(OPTIONS_STRINGS, 'test.none') },
        },
      ];
      if (reply.missingPermission.length > 0)
        lines.push({ key: 'sites.syncMissing', values: { origins: reply.missingPermission.join(', ') } });
      return { complete: reply.missingPermission.length === 0, lines };
    } catch (error) {
      return { complete: false, lines: [{ key: 'sites.syncFailed', values: { reason: errorText(error) } }] };
    }
  }

  /** Bad input is said once, beside the field (and read with it), not again in the status area. */
  function reject(key: 'sites.empty' | 'sites.invalid', typed: string) {
    setInputError({ key, values: { input: typed } });
    setStatus(null);
  }

  function onAdd() {
    const typed = input.trim();
    if (typed === '') return reject('sites.empty', typed);
    const origin = normaliseOrigin(typed);
    if (origin === null) return reject('sites.invalid', typed);
    setInputError(undefined);
    if (saved.captureSites.includes(origin)) {
      setStatus(statusReport('info', 'sites.duplicate', { origin }));
      return;
    }
    // Asked here, synchronously in the click (or Enter) handler: see ask-for-origin.ts.
    const permission = askForOrigin(client, origin);
    void finishAdd(origin, permission);
  }

  async function finishAdd(origin: string, permission: Promise<PermissionAnswer>) {
    setBusy(true);
    const answer = await permission;
    setPermission(origin, answer.granted);
    if (!answer.granted) {
      // Not added: a site the extension may not read would only pretend to be a capture site.
      const lines: MessageText[] = answer.error
        ? [{ key: 'status.permissionError', values: { reason: answer.error } }]
        : [];
      setStatus(statusReport('warning', 'sites.denied', { origin }, lines));
      setBusy(false);
      return;
    }
    const result = await save((current) => ({
      ...current,
      captureSites: [...current.captureSites.filter((site) => site !== origin), origin],
    }));
    if (!result.ok) {
      setStatus(statusReport('error', 'status.saveFailed', { reason: result.error }));
      setBusy(false);
      return;
    }
    setInput('');
    const sync = await syncLines();
    setStatus(statusReport(sync.complete ? 'success' : 'warning', 'sites.addedOk', { origin }, sync.lines));
    setBusy(false);
  }

  async function onRemove(origin: string) {
    setBusy(true);
    let keptBecause: MessageText['values'] | null = null;
    // A host permission covers the host on every port (originToPattern: Firefox patterns carry no
    // port), so it stays while another added site or the verification endpoint needs that host.
    const stillNeededBy = [...saved.captureSites.filter((site) => site !== origin), saved.verification.endpoint].filter(
      (other) =>
        normaliseOrigin(other) !== null && originToPattern(normaliseOrigin(other)!) === originToPattern(origin),
    );
    if (stillNeededBy.length > 0) {
      keptBecause = {
        origin,
        reason: inBothLanguages(OPTIONS_STRINGS, 'sites.stillNeeded', {
          others: stillNeededBy.map((other) => normaliseOrigin(other)!).join(', '),
        }),
      };
    } else {
      try {
        if (!(await client.removeOrigin(origin)))
          keptBecause = { origin, reason: inBothLanguages(OPTIONS_STRINGS, 'sites.browserRefused') };
      } catch (error) {
        // e.g. Chrome's "You cannot remove required permissions" when a manifest pattern covers it.
        keptBecause = { origin, reason: errorText(error) };
      }
    }
    const result = await save((current) => ({
      ...current,
      captureSites: current.captureSites.filter((site) => site !== origin),
    }));
    if (!result.ok) {
      setStatus(statusReport('error', 'status.saveFailed', { reason: result.error }));
      setBusy(false);
      return;
    }
    const sync = await syncLines();
    setStatus(
      keptBecause
        ? statusReport('warning', 'sites.removedPermissionKept', keptBecause, sync.lines)
        : statusReport(sync.complete ? 'success' : 'warning', 'sites.removed', { origin }, sync.lines),
    );
    setBusy(false);
  }

  function onGrant(origin: string) {
    const permission = askForOrigin(client, origin);
    void (async () => {
      const answer = await permission;
      setPermission(origin, answer.granted);
      if (!answer.granted) {
        setStatus(statusReport('warning', 'sites.grantDenied', { origin }, [{ key: 'permission.howTo' }]));
        return;
      }
      const sync = await syncLines();
      setStatus(statusReport('success', 'sites.grantedOk', { origin }, sync.lines));
    })();
  }

  const defaultMissing = DEFAULT_CAPTURE_SITES.some((site) => permissions[site.origin] === false);

  return (
    <section class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.heading')}</h2>
      <p class="intro">{t('sites.intro')}</p>

      <h3>{t('sites.defaults')}</h3>
      <ul class="sites" data-testid="default-capture-sites">
        {DEFAULT_CAPTURE_SITES.map((site) => (
          <SiteRow
            key={site.origin}
            label={site.label}
            granted={permissions[site.origin]}
            onGrant={() => onGrant(site.origin)}
          />
        ))}
      </ul>
      {defaultMissing && <p class="notice">{t('sites.firefoxNote')}</p>}

      {policySites.length > 0 && (
        <>
          <h3>{policyText('policy.sites')}</h3>
          <ul class="sites" data-testid="policy-capture-sites">
            {policySites.map((origin) => (
              <SiteRow key={origin} label={origin} granted={permissions[origin]} onGrant={() => onGrant(origin)}>
                <span class="muted">{policyText('policy.locked')}</span>
              </SiteRow>
            ))}
          </ul>
        </>
      )}

      <h3>{t('sites.added')}</h3>
      {ownSites.length === 0 ? (
        <p class="muted">{t('sites.noneAdded')}</p>
      ) : (
        <ul class="sites" data-testid="added-capture-sites">
          {ownSites.map((origin) => (
            <SiteRow key={origin} label={origin} granted={permissions[origin]} onGrant={() => onGrant(origin)}>
              <button
                type="button"
                class="button button--quiet"
                aria-label={`${t('action.remove')} ${origin}`}
                disabled={busy}
                onClick={() => void onRemove(origin)}
              >
                {t('action.remove')}
              </button>
            </SiteRow>
          ))}
        </ul>
      )}

      <div class="row row--with-button">
        <div class={inputError ? 'field field--invalid' : 'field'}>
          <label for="capture-site-input">{t('field.captureSite')}</label>
          <input
            id="capture-site-input"
            data-testid="capture-site-input"
            type="url"
            value={input}
            placeholder="http://10.1.2.3:8080"
            spellcheck={false}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={describedBy(
              'capture-site-input',
              true,
              inputError && t(inputError.key, inputError.values),
            )}
            onInput={(event) => {
              setInput(event.currentTarget.value);
              setInputError(undefined);
            }}
            onKeyDown={(event) => {
              // Enter adds, like a form; keydown is a user gesture, so the permission prompt may show.
              if (event.key === 'Enter') {
                event.preventDefault();
                onAdd();
              }
            }}
          />
          <p id="capture-site-input-hint" class="field__hint">
            {t('field.captureSite.hint')}
          </p>
          {inputError && (
            <p id="capture-site-input-error" class="field__error" data-testid="capture-site-error">
              {t(inputError.key, inputError.values)}
            </p>
          )}
        </div>
        <div class="buttons">
          <button type="button" class="button" data-testid="add-capture-site" onClick={onAdd} disabled={busy}>
            {t('action.add')}
          </button>
        </div>
      </div>
      <StatusMessage report={status} testId="capture-site-status" />
    </section>
  );
}
