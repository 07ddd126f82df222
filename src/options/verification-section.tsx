/**
 * The verification service settings: WSDL URL, ClientID, timeout, auto-verify, and
 * which operation and parameters carry the token and the ClientID. The manual gives the WSDL
 * but not the operation or parameter names (§4.1), so they are read from the WSDL and guessed
 * from names, and a person confirms or types them.
 *
 * The state and actions are in useVerificationSetup; this lays the parts out.
 */
import type { ComponentChildren } from 'preact';
import type { InspectorClient } from '../ui/extension-client';
import type { Settings } from '../shared/settings';
import { useStrings } from '../ui/strings';
import { ClientIdField } from './client-id-field';
import { ManualDetails } from './manual-details';
import { OPTIONS_STRINGS } from './options-strings';
import { FormInput } from './service-fields';
import type { SaveSettings } from './save-settings';
import { StatusMessage } from './status-message';
import { TimeoutAndAutoVerify } from './timeout-and-auto-verify';
import { useVerificationSetup } from './use-verification-setup';
import { WsdlMapping } from './wsdl-mapping';
import { LockedFieldsContext } from './locked-fields';
import type { FormField } from './verification-form';
import { useContext } from 'preact/hooks';

/** What a loaded WSDL fills in. */
const SERVICE_FIELDS: readonly FormField[] = [
  'endpoint',
  'soapVersion',
  'style',
  'namespace',
  'operation',
  'soapAction',
  'tokenParameter',
  'clientIdParameter',
];

export interface VerificationSectionProps {
  client: InspectorClient;
  saved: Settings;
  save: SaveSettings;
}

/** The section's three actions look and behave alike; each is off while its own work runs. */
function ActionButton({
  testId,
  onClick,
  disabled,
  primary = false,
  children,
}: {
  testId: string;
  onClick: () => void;
  disabled: boolean;
  primary?: boolean;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={primary ? 'button button--primary' : 'button'}
      data-testid={testId}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

export function VerificationSection({ client, saved, save }: VerificationSectionProps) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const setup = useVerificationSetup(client, saved, save);
  const { form, errorOf, update, mode, description, busy, endpoint } = setup;
  // Loading a WSDL rewrites the service's details; not while the organisation sets them.
  const locked = useContext(LockedFieldsContext);
  const serviceLocked = SERVICE_FIELDS.some((field) => locked.has(field));

  return (
    <section class="card" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t('verification.heading')}</h2>
      <p class="intro">{t('verification.intro')}</p>

      <div class="row row--with-button">
        <FormInput
          setup={setup}
          id="wsdl-url"
          field="wsdlUrl"
          hint={t('field.wsdlUrl.hint')}
          type="url"
          spellcheck={false}
        />
        <div class="buttons">
          <ActionButton testId="load-wsdl" onClick={setup.onLoadWsdl} disabled={busy === 'load' || serviceLocked}>
            {t('action.loadWsdl')}
          </ActionButton>
          {mode !== 'manual' && (
            <button type="button" class="button button--quiet" onClick={() => setup.setMode('manual')}>
              {t('action.manual')}
            </button>
          )}
        </div>
      </div>

      <ClientIdField
        value={form.clientId}
        savedClientId={saved.verification.clientId}
        error={errorOf('clientId')}
        onInput={(value) => update('clientId', value)}
      />
      <TimeoutAndAutoVerify setup={setup} />

      {mode === 'none' && <p class="notice">{t('manual.notSetUp')}</p>}
      {mode === 'wsdl' && description && <WsdlMapping setup={setup} description={description} />}
      {mode === 'manual' && <ManualDetails setup={setup} savedOperation={saved.verification.operation} />}

      {endpoint.savedOrigin && (
        <p
          class={endpoint.allowed === false ? 'permission permission--missing' : 'permission'}
          data-testid="endpoint-permission"
        >
          {endpoint.allowed === false ? (
            <>
              {t('permission.missing', { origin: endpoint.savedOrigin })}{' '}
              <button type="button" class="button button--quiet" onClick={setup.onGrantEndpoint}>
                {t('action.grant')}
              </button>
            </>
          ) : endpoint.allowed === true ? (
            t('permission.granted', { origin: endpoint.savedOrigin })
          ) : null}
        </p>
      )}

      <div class="buttons buttons--actions">
        <ActionButton primary testId="save-settings" onClick={setup.onSave} disabled={busy === 'save'}>
          {t('action.save')}
        </ActionButton>
        <ActionButton testId="test-connection" onClick={() => void setup.onTest()} disabled={busy === 'test'}>
          {t('action.test')}
        </ActionButton>
      </div>
      <StatusMessage report={setup.status} testId="status-message" />
    </section>
  );
}
