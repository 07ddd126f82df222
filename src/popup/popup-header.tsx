/** The popup's top bar: its title, the language switch and the way to the options page. */
import { useStrings, type Language } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

interface PopupHeaderProps {
  onLanguage: (next: Language) => void;
  onOpenOptions: () => void;
}

export function PopupHeader({ onLanguage, onOpenOptions }: PopupHeaderProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  return (
    <header class="topbar">
      <h1 class="topbar__title">{t('app.title')}</h1>
      <div class="topbar__tools">
        {/* Each language is named in itself (not from the table), so a reader finds their own. */}
        <div class="language" role="group" aria-label={t('language.group')}>
          <button type="button" lang="th" aria-pressed={language === 'th'} onClick={() => onLanguage('th')}>
            ไทย
          </button>
          <button type="button" lang="en" aria-pressed={language === 'en'} onClick={() => onLanguage('en')}>
            English
          </button>
        </div>
        <button type="button" class="button button--quiet" onClick={onOpenOptions}>
          {t('app.options')}
        </button>
      </div>
    </header>
  );
}
