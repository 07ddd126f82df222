/**
 * Which office the token places the person in: the `org` claim ("OrgID/OfficeID/ProvinceID",
 * manual claim 8) resolved through the manual's office table into a path from the root office
 * down, e.g. กลุ่มสนับสนุนการตรวจราชการ 1 › สำนักงานอุตสาหกรรมจังหวัดนครปฐม. Office names repeat
 * across provinces, so only the whole path tells them apart. The organisation is named only
 * where the domain knows a name; otherwise its number is shown, never an invented name.
 */
import type { OrgResolution } from '../domain/org';
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { FindingsList } from '../ui/findings-list';
import { displayValue, type DecodedInspection } from './claim-value';

interface OfficeSectionProps {
  inspection: DecodedInspection;
}

export function OfficeSection({ inspection }: OfficeSectionProps) {
  const { t } = useStrings(POPUP_STRINGS);
  const org = inspection.org;
  return (
    <section class="card" aria-labelledby="office-heading">
      <h2 id="office-heading">{t('office.heading')}</h2>
      {org === null ? <p class="muted">{t('office.noClaim')}</p> : <OrgDetails org={org} />}
    </section>
  );
}

function OrgDetails({ org }: { org: OrgResolution }) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const code = org.code;
  const province =
    org.provinceName ??
    (code === null
      ? '—'
      : code.provinceId === null
        ? t('office.provinceNone')
        : t('office.provinceUnknown', { n: code.provinceId }));
  const organisation = org.orgName ? org.orgName[language] : code ? t('office.orgNumber', { n: code.orgId }) : '—';
  return (
    <>
      {org.path.length > 0 ? (
        <nav aria-label={t('office.path')}>
          <ol class="breadcrumb" data-testid="office-path">
            {org.path.map((office, index) => (
              <li key={office.officeId} aria-current={index === org.path.length - 1 ? 'location' : undefined}>
                {office.name}
              </li>
            ))}
          </ol>
        </nav>
      ) : (
        <p class="office__unknown" data-testid="office-path">
          {t('office.unknownPath')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('office.province')}</dt>
        <dd data-testid="province">{province}</dd>
        <dt>{t('office.org')}</dt>
        <dd data-testid="org-name">
          {organisation}
          {org.orgName && code && <span class="muted"> ({t('office.orgNumber', { n: code.orgId })})</span>}
        </dd>
        {code && (
          <>
            <dt>{t('office.officeId')}</dt>
            <dd>{code.officeId}</dd>
          </>
        )}
        <dt>{t('office.raw')}</dt>
        <dd>
          <code data-testid="org-raw">{displayValue(org.raw, language)}</code>
        </dd>
      </dl>
      {org.findings.length > 0 && <FindingsList findings={org.findings} withNextStep={false} />}
    </>
  );
}
