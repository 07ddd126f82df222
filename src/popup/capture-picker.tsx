/**
 * Which token the popup shows. By default the newest capture of the tab the popup was opened
 * over; this small list switches to that tab's older captures or to the newest ones elsewhere
 * (other tabs, pastes). Each entry says who and where, so the right one is easy to pick.
 */
import type { ComponentChildren } from 'preact';
import type { Capture } from '../shared/capture';
import type { CapturesView } from '../shared/messages';
import { formatDuration } from '../domain/time-format';
import { translator, useStrings, type Language } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

export interface CaptureLabel {
  /** Who the token is for, e.g. the username; null when the token does not say. */
  who: string | null;
}

interface CapturePickerProps {
  view: CapturesView;
  selectedId: string | null;
  labels: ReadonlyMap<string, CaptureLabel>;
  nowMs: number;
  onSelect: (captureId: string) => void;
  /** Open when no token is shown (a choice is needed); folded away under a shown token. */
  open: boolean;
  /** Actions on the list itself (clearing), shown under it. */
  children?: ComponentChildren;
}

export function CapturePicker({ view, selectedId, labels, nowMs, onSelect, open, children }: CapturePickerProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const group = (title: string, captures: Capture[], testId: string) =>
    captures.length > 0 && (
      <li class="picker__group" data-testid={testId}>
        <span class="picker__title">{title}</span>
        <ul>
          {captures.map((capture) => (
            <li key={capture.id}>
              <button
                type="button"
                class="button picker__item"
                aria-pressed={capture.id === selectedId}
                onClick={() => onSelect(capture.id)}
              >
                <span class="picker__who">{labels.get(capture.id)?.who ?? '—'}</span>
                <span class="picker__where">
                  {capture.source === 'paste' ? t('source.paste') : capture.pageOrigin || t(`source.${capture.source}`)}
                </span>
                <span class="picker__when">{ago(capture.capturedAt, nowMs, language)}</span>
              </button>
            </li>
          ))}
        </ul>
      </li>
    );
  const counts = [
    view.currentTab.length > 0 ? `${t('picker.thisTab')} ${view.currentTab.length}` : null,
    view.elsewhere.length > 0 ? `${t('picker.elsewhere')} ${view.elsewhere.length}` : null,
  ].filter(Boolean);
  return (
    <details class="picker" open={open}>
      <summary>
        {t('picker.heading')}: <span class="muted">{counts.join(' · ')}</span>
      </summary>
      <nav aria-label={t('picker.heading')}>
        <ul>
          {group(t('picker.thisTab'), view.currentTab, 'picker-this-tab')}
          {group(t('picker.elsewhere'), view.elsewhere, 'picker-elsewhere')}
        </ul>
      </nav>
      {children}
    </details>
  );
}

function ago(then: number, nowMs: number, language: Language): string {
  const t = translator(POPUP_STRINGS, language);
  const elapsed = nowMs - then;
  return elapsed < 60_000 ? t('picker.justNow') : t('picker.ago', { time: formatDuration(elapsed, language) });
}
