/**
 * The DevTools panel: the inspected tab's login timeline, one row per hop (method, status, time
 * taken, the URL with tokens taken out), the hops that carried the token marked, and each hop
 * opening to its headers. Data and actions come in as props; panel-main.tsx wires the browser.
 */
import { placesText, timelineText, type HeaderLine, type TimelineHop } from '../domain/login-timeline';
import { formatIsoUtc } from '../domain/time-format';
import { CopyButton, type WriteText } from '../ui/copy-button';
import { useStrings, type Language } from '../ui/strings';
import { PANEL_STRINGS } from './panel-strings';

export interface TimelinePanelProps {
  tabId: number | null;
  hops: readonly TimelineHop[];
  onLanguage: (language: Language) => void;
  writeText: WriteText;
}

function statusTone(hop: TimelineHop): string {
  if (hop.error !== null || (hop.status !== null && hop.status >= 400)) return 'tone--error';
  if (hop.status !== null && hop.status >= 300) return 'tone--info';
  return '';
}

function Headers({ title, headers }: { title: string; headers: readonly HeaderLine[] }) {
  const { t } = useStrings(PANEL_STRINGS);
  return (
    <div class="headers">
      <h3>{title}</h3>
      {headers.length === 0 ? (
        <p class="muted">{t('hop.noHeaders')}</p>
      ) : (
        <dl>
          {headers.map((header, index) => (
            <div key={`${header.name}-${index}`} class="headers__row">
              <dt>{header.name}</dt>
              <dd>{header.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function HopRow({ hop, index }: { hop: TimelineHop; index: number }) {
  const { t, language } = useStrings(PANEL_STRINGS);
  const carried = hop.tokenPlaces.length > 0;
  const status = hop.status !== null ? String(hop.status) : (hop.error ?? t('hop.pending'));
  return (
    <li class={`hop${carried ? ' hop--token' : ''}`} data-testid="hop" data-token={carried ? 'yes' : 'no'}>
      <details>
        <summary>
          <span class="hop__number">{index + 1}</span>
          <span class="hop__method">{hop.method}</span>
          <span class={`hop__status badge ${statusTone(hop)}`}>{status}</span>
          <span class="hop__time">{hop.durationMs === null ? '…' : `${Math.round(hop.durationMs)} ms`}</span>
          <span class="hop__url">
            {hop.frame === 'sub' && <span class="badge tone--info">{t('hop.frame')}</span>} {hop.url}
          </span>
          {carried && (
            <span class="hop__token badge tone--warning" data-testid="hop-token">
              {t('hop.carried', { places: placesText(hop.tokenPlaces, language) })}
            </span>
          )}
        </summary>
        <div class="hop__details">
          <p>
            <strong>{t('hop.started')}:</strong> {formatIsoUtc(hop.startedAt)}
          </p>
          {hop.location !== null && (
            <p>
              <strong>{t('hop.redirect')}:</strong> <span class="mono">{hop.location}</span>
            </p>
          )}
          <Headers title={t('hop.requestHeaders')} headers={hop.requestHeaders} />
          <Headers title={t('hop.responseHeaders')} headers={hop.responseHeaders} />
        </div>
      </details>
    </li>
  );
}

export function TimelinePanel({ tabId, hops, onLanguage, writeText }: TimelinePanelProps) {
  const { t, language } = useStrings(PANEL_STRINGS);
  return (
    <div class="panel">
      <header class="panel__bar">
        <h1>{t('panel.title')}</h1>
        <div class="panel__tools">
          <CopyButton label={t('panel.copy')} writeText={writeText} text={() => timelineText(hops, language)} />
          {/* Each language is named in itself, so a reader finds their own. */}
          <div class="language" role="group" aria-label={t('language.group')}>
            <button
              type="button"
              class="button button--toggle button--small"
              lang="th"
              aria-pressed={language === 'th'}
              onClick={() => onLanguage('th')}
            >
              ไทย
            </button>
            <button
              type="button"
              class="button button--toggle button--small"
              lang="en"
              aria-pressed={language === 'en'}
              onClick={() => onLanguage('en')}
            >
              English
            </button>
          </div>
        </div>
      </header>
      <p class="muted">{t('panel.intro')}</p>
      {tabId === null ? (
        <p data-testid="timeline-empty">{t('panel.noTab')}</p>
      ) : hops.length === 0 ? (
        <p data-testid="timeline-empty">{t('panel.empty')}</p>
      ) : (
        <ol class="hops" data-testid="timeline">
          {hops.map((hop, index) => (
            <HopRow key={`${hop.requestId}-${hop.startedAt}-${index}`} hop={hop} index={index} />
          ))}
        </ol>
      )}
    </div>
  );
}
