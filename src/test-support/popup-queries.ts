/**
 * Test-only (never imported by product code): what the popup's hostile-token tests ask of the
 * page: the verdict heading, the finding codes shown, opening the raw token, switching language.
 */
import { fireEvent, screen } from '@testing-library/preact';

export const HEADER = '{"alg":"HS256","typ":"JWT"}';
export const verdictHeading = () => document.getElementById('verdict-heading')!;
export const findingCodes = () =>
  [...screen.getByTestId('findings').querySelectorAll('[data-code]')].map((item) => item.getAttribute('data-code'));
export const openRaw = () => fireEvent.click(screen.getByRole('heading', { level: 2, name: /ข้อมูลดิบ|Raw token/ }));
export const switchTo = (language: 'English' | 'ไทย') =>
  fireEvent.click(screen.getByRole('button', { name: language }));
