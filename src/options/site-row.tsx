/**
 * One capture site in a list: its origin, whether its host permission is granted right now, a
 * Grant button when it is not, and whatever actions the list adds (Remove, for a person's own).
 */
import type { ComponentChildren } from 'preact';
import { useStrings } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';

export function SiteRow(props: {
  label: string;
  granted: boolean | undefined;
  onGrant: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const { label, granted, onGrant, children } = props;
  return (
    <li class="site" data-origin={label} data-granted={granted === undefined ? '' : String(granted)}>
      <span class="code site__origin">{label}</span>
      <span class={granted === false ? 'badge badge--missing' : granted ? 'badge badge--granted' : 'badge'}>
        {granted === undefined ? t('sites.checking') : granted ? t('sites.granted') : t('sites.notGranted')}
      </span>
      <span class="site__actions">
        {granted === false && (
          <button
            type="button"
            class="button button--quiet"
            aria-label={`${t('action.grant')} ${label}`}
            onClick={onGrant}
          >
            {t('action.grant')}
          </button>
        )}
        {children}
      </span>
    </li>
  );
}
