/**
 * A token from anywhere (an e-mail, a log, a colleague's chat) goes through the background's
 * intake like a captured one. A text that is not a readable token is explained here with what
 * was wrong and what to do about it, so the popup is never blank after a paste.
 *
 * The background answers a failed paste with its message only; the next step comes from reading
 * the same text with the domain here (the intake and `readPastedText` look for the token the
 * same way), which also catches an empty paste without a round trip. That reading is loaded on
 * the first paste, not with the popup: the background reads the tokens it keeps, so most
 * openings never need it. The problem is kept as a finding, in both languages, so switching
 * language re-words it.
 */
import { useState } from 'preact/hooks';
import type { ActionResult } from '../shared/messages';
import type { Capture } from '../shared/capture';
import type { Finding, Localized } from '../domain/finding';
import { inBothLanguages, useStrings } from '../ui/strings';
import { UI_STRINGS } from '../ui/ui-strings';
import { backgroundError } from './background-error';
import { POPUP_STRINGS } from './popup-strings';

interface PasteBoxProps {
  /** Open by default only when there is nothing else to show. */
  open: boolean;
  onPaste: (text: string) => Promise<ActionResult<Capture>>;
}

type PasteProblem = Pick<Finding, 'title' | 'detail' | 'nextStep'>;

/** The domain's reading of pasted text, loaded on the first paste: most openings never paste. */
async function loadPasteReader() {
  const [{ readPastedText }, { decodeFinding }] = await Promise.all([
    import('../domain/read-pasted-text'),
    import('../domain/decode-finding'),
  ]);
  return { readPastedText, decodeFinding };
}

type PasteReader = Awaited<ReturnType<typeof loadPasteReader>>;

/** Why the background refused `text`, with the domain's next step when the domain agrees it is unreadable. */
function refusal(reader: PasteReader, text: string, message: Localized): PasteProblem {
  const { readPastedText, decodeFinding } = reader;
  const read = readPastedText(text);
  if (!read.ok) return { ...decodeFinding(read.failure), detail: message };
  return {
    title: inBothLanguages(POPUP_STRINGS, 'paste.refused'),
    detail: message,
    nextStep: inBothLanguages(POPUP_STRINGS, 'paste.retry'),
  };
}

export function PasteBox({ open, onPaste }: PasteBoxProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const shared = useStrings(UI_STRINGS);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<PasteProblem | null>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    try {
      const reader = await loadPasteReader();
      const read = reader.readPastedText(text);
      if (!read.ok && read.failure.code === 'empty') {
        setProblem(reader.decodeFinding(read.failure));
        return;
      }
      const result = await onPaste(text);
      if (result.ok) {
        setText('');
        setProblem(null);
      } else {
        setProblem(refusal(reader, text, result.error));
      }
    } catch (failure) {
      setProblem({
        title: inBothLanguages(POPUP_STRINGS, 'paste.refused'),
        detail: backgroundError(failure),
        nextStep: inBothLanguages(POPUP_STRINGS, 'paste.retry'),
      });
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
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'paste-error' : undefined}
        />
        <button type="submit" class="button" disabled={working}>
          {working ? t('paste.working') : t('paste.submit')}
        </button>
        {problem && (
          <div id="paste-error" class="paste__error" role="alert" data-testid="paste-error">
            <p>
              <strong>{problem.title[language]}</strong> {problem.detail[language]}
            </p>
            <p class="paste__next">
              <strong>{shared.t('findings.nextStep')}:</strong> {problem.nextStep[language]}
            </p>
          </div>
        )}
      </form>
    </details>
  );
}
