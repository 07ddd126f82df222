/**
 * The six sections about one token, top to bottom. Each is drawn inside its own boundary, so a
 * part of a hostile token the code did not foresee blanks one section, never the whole popup.
 *
 * The sections that follow the token alone (person, office, claims and times, raw) are kept as
 * elements while what they are given stays the same: pressing Verify redraws the verdict and the
 * findings, not the whole popup, on the way to sending the request (in Firefox the popup and the
 * background share one thread).
 */
import { useMemo } from 'preact/hooks';
import type { Capture } from '../shared/capture';
import { overallVerdict } from '../domain/overall-verdict';
import { hygieneFindings } from '../domain/token-hygiene';
import { SectionBoundary } from '../ui/section-boundary';
import type { WriteText } from '../ui/copy-button';
import { VerdictSection, type VerdictSectionProps } from './verdict-section';
import { PersonSection } from './person-section';
import { OfficeSection } from './office-section';
import { TokenSection } from './token-section';
import { FindingsSection } from './findings-section';
import { RawSection } from './raw-section';

/** What the verdict section takes, and what the sections below it need besides. */
export interface TokenViewProps extends VerdictSectionProps {
  capture: Capture;
  onVerify: (force: boolean) => void;
  /** Verifying would cross the network unencrypted (see endpointSecurity). */
  plainHttp: boolean;
  revealId: boolean;
  onToggleReveal: () => void;
  writeText: WriteText;
}

export function TokenView(props: TokenViewProps) {
  const { inspection, capture, verification, revealId, onToggleReveal, writeText } = props;
  const findings = [
    ...inspection.findings,
    ...(verification?.findings ?? []),
    ...hygieneFindings(capture.hygiene, verification),
  ];
  const timesClaimedOnly = overallVerdict(inspection, verification) === 'not-genuine';
  const decoded = inspection.kind === 'decoded' ? inspection : null;
  const aboutThePerson = useMemo(
    () =>
      decoded &&
      decoded.verdict !== 'not-sso' && (
        <>
          <SectionBoundary>
            <PersonSection inspection={decoded} revealId={revealId} onToggleReveal={onToggleReveal} />
          </SectionBoundary>
          <SectionBoundary>
            <OfficeSection inspection={decoded} />
          </SectionBoundary>
        </>
      ),
    [decoded, revealId, onToggleReveal],
  );
  const claimsAndTimes = useMemo(
    () =>
      decoded && (
        <SectionBoundary>
          <TokenSection
            inspection={decoded}
            capture={capture}
            revealId={revealId}
            timesClaimedOnly={timesClaimedOnly}
          />
        </SectionBoundary>
      ),
    [decoded, capture, revealId, timesClaimedOnly],
  );
  const raw = useMemo(
    () =>
      decoded && (
        <SectionBoundary>
          <RawSection inspection={decoded} revealId={revealId} writeText={writeText} />
        </SectionBoundary>
      ),
    [decoded, revealId, writeText],
  );
  return (
    <>
      <SectionBoundary>
        <VerdictSection {...props} />
      </SectionBoundary>
      {aboutThePerson}
      {claimsAndTimes}
      <SectionBoundary>
        <FindingsSection findings={findings} />
      </SectionBoundary>
      {raw}
    </>
  );
}
