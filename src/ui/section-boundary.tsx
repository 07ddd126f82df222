/**
 * One part of a page that may fail to draw without taking the rest with it. The data shown comes
 * from a token anyone can make, and Preact unmounts the whole tree when a render throws: a single
 * claim the code did not foresee would otherwise leave a blank popup. Each section sits in its
 * own boundary and, if it throws, is replaced by a line saying so in the reader's language.
 * Remount it (a new `key`) to try again, e.g. for another token. The error is not logged: its
 * message can quote the token's data, which may be personal.
 */
import { Component, type ComponentChildren } from 'preact';
import { useStrings } from './strings';
import { UI_STRINGS } from './ui-strings';

interface SectionBoundaryProps {
  children?: ComponentChildren;
}

export class SectionBoundary extends Component<SectionBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <SectionFailed />;
  }
}

/** A function component, so the line is said in the page's language from the context. */
function SectionFailed() {
  const { t } = useStrings(UI_STRINGS);
  return (
    <section class="card section-failed" role="status" data-testid="section-failed">
      {t('section.failed')}
    </section>
  );
}
