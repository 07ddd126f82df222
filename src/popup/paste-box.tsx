/**
 * A token from anywhere (an e-mail, a log, a colleague's chat) goes through the background's
 * intake like a captured one. A text that is not a readable token comes back with the
 * domain's own explanation, shown here, so the popup is never blank after a paste.
 */
import { useState } from 'preact/hooks';
import type { ActionResult } from '../shared/messages';
import type { Capture } from '../shared/capture';
import { translator, type Language } from '../ui/i18n';

interface PasteBoxProps {
  language: Language;
  /** Open by default only when there is nothing else to show. */
  open: boolean;
  onPaste: (text: string) => Promise<ActionResult<Capture>>;
}

export function PasteBox({ language, open, onPaste }: PasteBoxProps) {
  const t = translator(language);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('paste.empty'));
      return;
    }
    setWorking(true);
    try {
      const result = await onPaste(text);
      if (result.ok) {
        setText('');
        setError(null);
      } else {
        setError(result.error[language]);
      }
    } catch (failure) {
      setError(t('app.backgroundError', { detail: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setWorking(false);
    }
  };
  return (
    <details class="card paste" open={open}>
      <summary>
        <h2 class="paste__heading">{t('paste.heading')}</h2>
      </summary>
      <form onSubmit={submit}>
        <label for="paste-token">{t('paste.label')}</label>
        <textarea
          id="paste-token"
          rows={3}
          spellcheck={false}
          autocomplete="off"
          value={text}
          onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'paste-error' : undefined}
        />
        <button type="submit" class="button" disabled={working}>
          {working ? t('paste.working') : t('paste.submit')}
        </button>
        {error && (
          <p id="paste-error" class="paste__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
