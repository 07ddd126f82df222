// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { OfficeSection } from './office-section';
import { decodedFixture } from '../test-support/fixture-inspections';
import type { FixtureName } from '../test-support/fixtures';
import type { Language } from '../ui/strings';
import { inLanguage } from '../test-support/in-language';

afterEach(cleanup);

const renderOffice = (fixture: FixtureName, language: Language = 'th') =>
  render(<OfficeSection inspection={decodedFixture(fixture)} />, inLanguage(language));

const pathNames = () =>
  within(screen.getByTestId('office-path'))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('OfficeSection', () => {
  it('9/59/73: the path from the root down to the Nakhon Pathom office, its province and organisation', () => {
    const inspection = decodedFixture('valid');
    renderOffice('valid');
    // The path is the domain's; the section shows every step, root first, in Thai.
    expect(pathNames()).toEqual(inspection.org!.path.map((office) => office.name));
    expect(pathNames().at(-1)).toBe('สำนักงานอุตสาหกรรมจังหวัดนครปฐม');
    expect(pathNames().length).toBeGreaterThan(1);
    expect(screen.getByRole('navigation', { name: 'สายหน่วยงาน' })).toBeTruthy();
    expect(screen.getByTestId('province').textContent).toBe('นครปฐม');
    expect(screen.getByTestId('org-name').textContent).toContain(inspection.org!.orgName!.th);
    expect(screen.getByTestId('org-raw').textContent).toBe('9/59/73');
  });

  it('unknown office: says so and spells out the finding', () => {
    const inspection = decodedFixture('unknownOffice');
    renderOffice('unknownOffice', 'en');
    expect(screen.getByTestId('office-path').textContent).toBe('This office is not in the manual’s table');
    expect(screen.getByTestId('org-raw').textContent).toBe('9/9999/73');
    expect(inspection.org!.findings.length).toBeGreaterThan(0);
    for (const finding of inspection.org!.findings)
      expect(screen.getByText(finding.title.en, { exact: false })).toBeTruthy();
  });

  it('dangling parent (9/281/94): shows the Pattani office and the missing-parent finding', () => {
    const inspection = decodedFixture('danglingParent');
    renderOffice('danglingParent', 'th');
    expect(pathNames().at(-1)).toBe('สำนักงานอุตสาหกรรมจังหวัดปัตตานี');
    expect(inspection.org!.findings.length).toBeGreaterThan(0);
    for (const finding of inspection.org!.findings) {
      const item = screen.getByText(finding.title.th, { exact: false }).closest('li')!;
      expect(item.textContent).toContain(finding.detail.th);
    }
  });

  it('an organisation the manual does not name is shown by number, never invented', () => {
    const inspection = decodedFixture('unnamedOrg');
    expect(inspection.org!.orgName).toBeNull();
    renderOffice('unnamedOrg', 'en');
    expect(screen.getByTestId('org-name').textContent).toBe('OrgID 1');
  });
});
