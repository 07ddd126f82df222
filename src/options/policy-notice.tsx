/**
 * What the organisation's policy does to this page: which settings it locks, when a change to it
 * takes effect, and, named one by one, the values in it that could not be used. Shown only when
 * there is a policy.
 */
import { FIELD_NAMES } from '../shared/settings-problems';
import type { PolicyKey, PolicyView } from '../shared/managed-policy';
import { useStrings } from '../ui/strings';
import { POLICY_STRINGS } from './policy-strings';

/** The settings the policy locks; its default language is only where the page starts. */
const lockedNames = (keys: readonly PolicyKey[]) =>
  keys.flatMap((key) => (key === 'defaultLanguage' ? [] : [FIELD_NAMES[key]]));

export function PolicyNotice({ policy }: { policy: PolicyView }) {
  const { t, pick } = useStrings(POLICY_STRINGS);
  if (policy.keys.length === 0 && policy.problems.length === 0) return null;
  const locked = lockedNames(policy.keys);
  return (
    <section class="card" aria-labelledby="policy-heading" data-testid="policy-notice">
      <h2 id="policy-heading">{t('policy.heading')}</h2>
      {locked.length > 0 && (
        <p data-testid="policy-locked">{t('policy.intro', { names: locked.map(pick).join(', ') })}</p>
      )}
      {policy.keys.includes('clientId') && <p class="muted">{t('policy.clientIdHidden')}</p>}
      <p class="muted">{t('policy.whenChanged')}</p>
      {policy.problems.length > 0 && (
        <div class="notice notice--warning" role="alert" data-testid="policy-problems">
          <p>{t('policy.problemsHeading')}</p>
          <ul>
            {policy.problems.map((problem) => (
              <li key={problem.en}>{pick(problem)}</li>
            ))}
          </ul>
          <p>{t('policy.problemsAdvice')}</p>
        </div>
      )}
    </section>
  );
}
