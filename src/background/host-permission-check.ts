/**
 * Whether the extension may reach an origin, asked of the browser once per origin and kept until
 * a permission is granted or removed. Every Verify asks before it sends anything; the answer
 * changes only through the browser's own events, and asking costs a round trip a person waits for.
 */
import { originToPattern } from '../domain/url';

/** The part of `browser.permissions` this uses. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  onAdded: { addListener(listener: () => void): void };
  onRemoved: { addListener(listener: () => void): void };
}

export function createHostPermissionCheck(permissions: PermissionsApi): (url: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  const forget = () => answers.clear();
  permissions.onAdded.addListener(forget);
  permissions.onRemoved.addListener(forget);
  // Async, so that a URL that is not one rejects like a failed question instead of throwing.
  return async (url) => {
    const pattern = originToPattern(url);
    let answer = answers.get(pattern);
    if (!answer) {
      answer = permissions.contains({ origins: [pattern] });
      answers.set(pattern, answer);
      // A check that failed is not an answer: the next one asks again.
      answer.catch(() => {
        if (answers.get(pattern) === answer) answers.delete(pattern);
      });
    }
    return answer;
  };
}
