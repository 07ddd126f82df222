// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { SectionBoundary } from './section-boundary';

afterEach(cleanup);

function Broken(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

describe('SectionBoundary', () => {
  it('shows its children when they draw', () => {
    render(
      <SectionBoundary language="en">
        <p>fine</p>
      </SectionBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByTestId('section-failed')).toBeNull();
  });

  it('a part that throws is replaced by a line saying so, and its neighbours stay', () => {
    const { rerender } = render(
      <main>
        <SectionBoundary language="en">
          <p>before</p>
        </SectionBoundary>
        <SectionBoundary language="en">
          <Broken />
        </SectionBoundary>
        <SectionBoundary language="en">
          <p>after</p>
        </SectionBoundary>
      </main>,
    );
    expect(screen.getByText('before')).toBeTruthy();
    expect(screen.getByText('after')).toBeTruthy();
    expect(screen.getByTestId('section-failed').textContent).toContain('This part could not be shown');
    rerender(
      <main>
        <SectionBoundary language="th">
          <Broken />
        </SectionBoundary>
      </main>,
    );
    expect(screen.getByTestId('section-failed').textContent).toContain('ส่วนนี้แสดงไม่ได้');
  });
});
