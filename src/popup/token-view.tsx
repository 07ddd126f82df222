/**
 * The six sections about one token, top to bottom. Each is drawn inside its own boundary, so a
 * part of a hostile token the code did not foresee blanks one section, never the whole popup.
 */
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
  const { inspection, capture, verification, revealId, writeText } = props;
  const findings = [
    ...inspection.findings,
    ...(verification?.findings ?? []),
    ...hygieneFindings(capture.hygiene, verification),
  ];
  const timesClaimedOnly = overallVerdict(inspection, verification) === 'not-genuine';
  return (
    <>
      <SectionBoundary>
        <VerdictSection {...props} />
      </SectionBoundary>
      {inspection.kind === 'decoded' && inspection.verdict !== 'not-sso' && (
        <>
          <SectionBoundary>
            <PersonSection inspection={inspection} revealId={revealId} onToggleReveal={props.onToggleReveal} />
          </SectionBoundary>
          <SectionBoundary>
            <OfficeSection inspection={inspection} />
          </SectionBoundary>
        </>
      )}
      {inspection.kind === 'decoded' && (
        <SectionBoundary>
          <TokenSection
            inspection={inspection}
            capture={capture}
            revealId={revealId}
            timesClaimedOnly={timesClaimedOnly}
          />
        </SectionBoundary>
      )}
      <SectionBoundary>
        <FindingsSection findings={findings} />
      </SectionBoundary>
      {inspection.kind === 'decoded' && (
        <SectionBoundary>
          <RawSection inspection={inspection} revealId={revealId} writeText={writeText} />
        </SectionBoundary>
      )}
    </>
  );
}
