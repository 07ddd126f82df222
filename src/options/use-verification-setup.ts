/**
 * The verification section's state and actions: the form as typed, how the service is being set
 * up (from a WSDL or by hand), the field errors, the status line, and the Load WSDL, Save and
 * Test actions. The rules live in the plain models (verification-form.ts for the form,
 * verification-reports.ts for what is said); this hook only holds state and calls the client.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import { useStrings } from '../ui/strings';
import { TEXT_LIMITS, type Settings, type VerificationSettings } from '../shared/settings';
import { isHttpUrl } from '../domain/url';
import type { Localized } from '../domain/finding';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { askForOrigin } from './ask-for-origin';
import { FIELD_INPUT_IDS } from './field-ids';
import { LockedFieldsContext } from './locked-fields';
import { OPTIONS_STRINGS } from './options-strings';
import type { SaveSettings } from './save-settings';
import { attempt, statusReport, type StatusReport } from './status-report';
import { useEndpointPermission, type EndpointPermission } from './use-endpoint-permission';
import {
  FIELD_LABELS,
  checkVerificationForm,
  formFromSettings,
  formFromWsdl,
  formWithOperation,
  formWithPort,
  initialPort,
  type FormCheck,
  type FormField,
  type VerificationForm,
} from './verification-form';
import {
  grantReport,
  invalidFields,
  invalidReport,
  savedReport,
  testReport,
  wsdlFailedReport,
  wsdlLoadedReport,
} from './verification-reports';

/** `none`: nothing set up yet; `wsdl`: choosing from a loaded WSDL; `manual`: typing the details. */
export type SetupMode = 'none' | 'wsdl' | 'manual';

export type ErrorOf = (field: FormField) => string | undefined;

export interface VerificationSetup {
  form: VerificationForm;
  errors: FormCheck['errors'];
  /** A field's error in the language shown, if it has one. */
  errorOf: ErrorOf;
  /** Typing in a field clears that field's old error; nothing typed is ever thrown away. */
  update: <K extends FormField>(field: K, value: VerificationForm[K]) => void;
  mode: SetupMode;
  setMode: (mode: SetupMode) => void;
  /** The loaded WSDL, while choosing from it. */
  description: WsdlDescription | null;
  /** The URL the shown WSDL was read from (the field may have been edited since). */
  descriptionUrl: string;
  /** Why the last Load WSDL failed: kept beside manual mode after the status area moves on. */
  wsdlFailure: Localized | null;
  /** The port chosen among the loaded WSDL's SOAP ports (`service/port`), whose operations are offered. */
  port: string;
  choosePort: (portKey: string) => void;
  chooseOperation: (name: string) => void;
  status: StatusReport | null;
  busy: 'load' | 'save' | 'test' | null;
  endpoint: EndpointPermission;
  onLoadWsdl: () => void;
  onSave: () => void;
  onTest: () => Promise<void>;
  onGrantEndpoint: () => void;
}

export function useVerificationSetup(client: InspectorClient, saved: Settings, save: SaveSettings): VerificationSetup {
  const { t } = useStrings(OPTIONS_STRINGS);
  const lockedFields = useContext(LockedFieldsContext);
  const [form, setForm] = useState<VerificationForm>(() => formFromSettings(saved.verification));
  const [mode, setMode] = useState<SetupMode>(() =>
    saved.verification.endpoint || saved.verification.operation ? 'manual' : 'none',
  );
  const [description, setDescription] = useState<WsdlDescription | null>(null);
  const [descriptionUrl, setDescriptionUrl] = useState('');
  const [port, setPort] = useState('');
  const [wsdlFailure, setWsdlFailure] = useState<Localized | null>(null);
  const [errors, setErrors] = useState<FormCheck['errors']>({});
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'test' | null>(null);
  const endpoint = useEndpointPermission(client, saved.verification.endpoint);

  /** A field to move the keyboard focus to once it is on screen (after an invalid save). */
  const [focusField, setFocusField] = useState<FormField | null>(null);
  useEffect(() => {
    if (!focusField) return;
    document.getElementById(FIELD_INPUT_IDS[focusField])?.focus();
    setFocusField(null);
  }, [focusField]);

  function update<K extends FormField>(field: K, value: VerificationForm[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  }

  const errorOf: ErrorOf = (field) =>
    errors[field]
      ? t(errors[field]!, field in TEXT_LIMITS ? { max: TEXT_LIMITS[field as keyof typeof TEXT_LIMITS] } : undefined)
      : undefined;
  const labelOf = (field: FormField) => t(FIELD_LABELS[field]);

  function chooseOperation(name: string) {
    if (!description) return;
    setForm((current) => formWithOperation(current, description, name, port));
    setErrors({});
  }

  function choosePort(portKey: string) {
    if (!description) return;
    setPort(portKey);
    setForm((current) => formWithPort(current, description, portKey));
    setErrors({});
  }

  // ---- Load WSDL ------------------------------------------------------------------------------

  function onLoadWsdl() {
    const url = form.wsdlUrl.trim();
    if (!isHttpUrl(url)) {
      const wsdlErrors = { wsdlUrl: 'error.httpUrl' } as const;
      setErrors((current) => ({ ...current, ...wsdlErrors }));
      setStatus(invalidReport(wsdlErrors, labelOf));
      return;
    }
    const origin = new URL(url).origin;
    // The background fetches the WSDL, and needs the host permission for it: ask now, while the
    // click still counts as a user gesture (see ask-for-origin.ts).
    const permission = askForOrigin(client, origin);
    void finishLoad(url, origin, permission);
  }

  async function finishLoad(url: string, origin: string, permission: ReturnType<typeof askForOrigin>) {
    setBusy('load');
    setStatus(statusReport('info', 'status.loadingWsdl'));
    const { granted } = await permission;
    const result = await attempt(() => client.loadWsdl(url));
    setBusy(null);
    if (result.ok) {
      const loaded = result.value;
      setDescription(loaded);
      setDescriptionUrl(url);
      setPort(initialPort(loaded));
      setWsdlFailure(null);
      setForm((current) => formFromWsdl(current, loaded));
      setMode('wsdl');
      setErrors({});
      setStatus(wsdlLoadedReport(loaded));
      return;
    }
    // What was loaded before described another URL (or the same one, now unreachable): drop it,
    // keep everything typed, and open manual mode so the person can carry on.
    setDescription(null);
    setWsdlFailure(result.error);
    setMode('manual');
    setStatus(wsdlFailedReport(result.error, origin, granted));
  }

  // ---- Save -----------------------------------------------------------------------------------

  function onSave() {
    const check = checkVerificationForm(form);
    setErrors(check.errors);
    if (!check.settings) {
      setStatus(invalidReport(check.errors, labelOf));
      // Show the service fields if they were hidden, and take the keyboard to the first thing to fix.
      if (mode === 'none') setMode('manual');
      setFocusField(invalidFields(check.errors)[0] ?? null);
      return;
    }
    const verification = check.settings;
    const origin = new URL(verification.endpoint).origin;
    // Order matters: validate (above, synchronously), ask for the endpoint's host permission while
    // the click is still a user gesture, and only then save.
    const permission = askForOrigin(client, origin);
    // The organisation's ClientID is set even though this page is never given it.
    const warnings = lockedFields.has('clientId')
      ? check.warnings.filter((warning) => warning !== 'warning.noClientId')
      : check.warnings;
    void finishSave(verification, origin, warnings, permission);
  }

  async function finishSave(
    verification: VerificationSettings,
    origin: string,
    warnings: FormCheck['warnings'],
    permission: ReturnType<typeof askForOrigin>,
  ) {
    setBusy('save');
    setStatus(statusReport('info', 'status.saving'));
    const answer = await permission;
    const result = await save((current) => ({ ...current, verification }));
    setBusy(null);
    if (!result.ok) {
      setStatus(statusReport('error', 'status.saveFailed', { reason: result.error }));
      return;
    }
    endpoint.setAllowed(answer.granted);
    setStatus(savedReport(answer, origin, warnings));
  }

  function onGrantEndpoint() {
    const origin = endpoint.savedOrigin;
    void endpoint.grant()?.then((answer) => setStatus(grantReport(answer, origin!)));
  }

  // ---- Test connection ------------------------------------------------------------------------

  async function onTest() {
    setBusy('test');
    setStatus(statusReport('info', 'test.running'));
    const result = await attempt(() => client.testConnection());
    setBusy(null);
    setStatus(testReport(result, form, saved.verification));
  }

  return {
    form,
    errors,
    errorOf,
    update,
    mode,
    setMode,
    description,
    descriptionUrl,
    wsdlFailure,
    port,
    choosePort,
    chooseOperation,
    status,
    busy,
    endpoint,
    onLoadWsdl,
    onSave,
    onTest,
    onGrantEndpoint,
  };
}
