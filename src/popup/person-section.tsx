/**
 * Whose token this is: name, username, e-mail, the national ID number and `sid` (manual claims
 * 1–6). The ID number is personal data: it is masked until the person presses the reveal
 * toggle, and its check digit result is shown either way so a typo in the directory is visible
 * without revealing the number. A `username` or `sid` that repeats the ID number is masked with it.
 */
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { claimReading, claimText, personalClaimText, type DecodedInspection } from './claim-value';

interface PersonSectionProps {
  inspection: DecodedInspection;
  revealId: boolean;
  onToggleReveal: () => void;
}

export function PersonSection({ inspection, revealId, onToggleReveal }: PersonSectionProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const label = (name: string) => claimReading(inspection, name)?.definition.label[language] ?? name;
  const value = (name: string) => {
    const shown = personalClaimText(inspection, name, language, revealId);
    if (shown === null) return <span class="muted">{t('claim.missing')}</span>;
    if (!shown.masked) return shown.text;
    return (
      <>
        <span class="mono">{shown.text}</span> <span class="muted small">{t('id.echoMasked')}</span>
      </>
    );
  };
  const fullName = [claimText(inspection, 'firstname', language), claimText(inspection, 'lastname', language)]
    .filter(Boolean)
    .join(' ');
  return (
    <section class="card" aria-labelledby="person-heading">
      <h2 id="person-heading">{t('person.heading')}</h2>
      <p class="person__name" data-testid="person-name">
        {fullName || <span class="muted">{t('claim.missing')}</span>}
      </p>
      <dl class="facts">
        <dt>{label('username')}</dt>
        <dd class="break" data-testid="username">
          {value('username')}
        </dd>
        <dt>{label('email')}</dt>
        <dd>{value('email')}</dd>
        <dt>{label('idcard')}</dt>
        <dd>
          <IdCardValue inspection={inspection} revealId={revealId} onToggleReveal={onToggleReveal} />
        </dd>
        <dt>
          {label('sid')} <code class="claim-name">sid</code>
        </dt>
        <dd class="break" data-testid="sid">
          {value('sid')}
        </dd>
      </dl>
    </section>
  );
}

function IdCardValue({ inspection, revealId, onToggleReveal }: PersonSectionProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const check = inspection.idCard;
  const raw = claimText(inspection, 'idcard', language);
  if (check === null || raw === null) return <span class="muted">{t('claim.missing')}</span>;
  const status = !check.wellFormed ? t('id.malformed') : check.checksumValid ? t('id.checkOk') : t('id.checkBad');
  const tone = check.wellFormed && check.checksumValid ? 'good' : 'bad';
  return (
    <>
      <span class="idcard">
        <span class="mono" data-testid="idcard">
          {revealId ? raw : check.masked}
        </span>{' '}
        <button
          type="button"
          class="button button--small button--toggle"
          aria-pressed={revealId}
          onClick={onToggleReveal}
        >
          {t('person.reveal')}
        </button>
      </span>
      <span class={`check check--${tone}`} data-testid="idcard-check">
        <span aria-hidden="true">{tone === 'good' ? '✓ ' : '✕ '}</span>
        {status}
      </span>
    </>
  );
}
