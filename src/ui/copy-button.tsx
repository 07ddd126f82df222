/**
 * A button that copies text and then says so. The status is a polite live region, so a screen
 * reader hears "copied" too. `writeText` is injectable for tests; pages use the Clipboard API,
 * which extension pages may call from a click without a permission prompt.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStrings } from './strings';
import { UI_STRINGS } from './ui-strings';

export type WriteText = (text: string) => Promise<void>;

export const clipboardWriteText: WriteText = (text) => navigator.clipboard.writeText(text);

interface CopyButtonProps {
  label: string;
  /**
   * Built at click time, so the copy reflects what is on screen then (e.g. a revealed ID). It may
   * be a promise, when what builds it is loaded only on the first click.
   */
  text: () => string | Promise<string>;
  writeText: WriteText;
  className?: string;
}

export function CopyButton({ label, text, writeText, className }: CopyButtonProps) {
  const { t } = useStrings(UI_STRINGS);
  const [status, setStatus] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await writeText(await text());
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <span class={`copy ${className ?? ''}`}>
      <button type="button" class="button" onClick={copy}>
        {label}
      </button>
      <span class="copy__status" role="status" aria-live="polite">
        {status === 'done' ? t('copy.done') : status === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
