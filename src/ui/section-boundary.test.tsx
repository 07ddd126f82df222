// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { SectionBoundary } from './section-boundary';
import { LanguageContext } from './strings';

afterEach(cleanup);

function Broken(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

describe('SectionBoundary', () => {
  it('shows its children when they draw', () => {
    render(
      <SectionBoundary>
        <p>fine</p>
      </SectionBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByTestId('section-failed')).toBeNull();
  });

  it('a part that throws is replaced by a line saying so, and its neighbours stay', () => {
    const { rerender } = render(
      <LanguageContext.Provider value="en">
        <main>
          <SectionBoundary>
            <p>before</p>
          </SectionBoundary>
          <SectionBoundary>
            <Broken />
          </SectionBoundary>
          <SectionBoundary>
            <p>after</p>
          </SectionBoundary>
        </main>
      </LanguageContext.Provider>,
    );
    expect(screen.getByText('before')).toBeTruthy();
    expect(screen.getByText('after')).toBeTruthy();
    expect(screen.getByTestId('section-failed').textContent).toContain('This part could not be shown');
    // The same boundary follows a language switch from the page's context.
    rerender(
      <LanguageContext.Provider value="th">
        <main>
          <SectionBoundary>
            <Broken />
          </SectionBoundary>
        </main>
      </LanguageContext.Provider>,
    );
    expect(screen.getByTestId('section-failed').textContent).toContain('ส่วนนี้แสดงไม่ได้');
  });
});
