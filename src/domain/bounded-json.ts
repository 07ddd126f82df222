/**
 * JSON text of a decoded token part, or of one claim, that is safe to put on screen whatever the
 * token holds. A token is attacker-controlled: a 13 KB token can nest an array 5,000 deep, which
 * overflows the stack of `JSON.stringify` and of anything else that recurses, and a 3 KB token
 * nested 1,000 deep pretty-prints to two million characters. So this printer
 * - walks the value with its own stack, never by recursion;
 * - prints nesting only down to `maxDepth`, and writes `[…]` / `{…}` for what lies deeper;
 * - keeps at most `maxCharacters` of text and counts the rest, so the caller can say
 *   "… N more characters" in the reader's language.
 * Within those limits the text is what `JSON.stringify(value, null, indent)` would give.
 */

export interface BoundedJsonLimits {
  /** Spaces per level; 0 prints on one line with no spaces, as `JSON.stringify(value)` does. */
  indent: number;
  /** Containers deeper than this are printed as `[…]` or `{…}`. */
  maxDepth: number;
  /** Text kept; the rest is only counted. */
  maxCharacters: number;
  /** Applied to every key and string value before it is quoted (e.g. to make hidden characters visible). */
  mapString?: (text: string) => string;
}

export interface BoundedJson {
  text: string;
  /** How many characters the (depth-capped) text had beyond `maxCharacters`. */
  omittedCharacters: number;
  /** True when some container lay deeper than `maxDepth` and was elided. */
  depthCapped: boolean;
}

/**
 * Pretty-printing defaults for a whole header or payload: deeper than any real token (the
 * manual's claims are flat), and a few screens of text.
 */
export const PRETTY_JSON_LIMITS: BoundedJsonLimits = { indent: 2, maxDepth: 16, maxCharacters: 16 * 1024 };

/** A piece of text to write, or a value to print at a depth. Processed last-in first-out. */
type Task = { text: string } | { value: unknown; depth: number };

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Object members JSON.stringify keeps: undefined, functions and symbols are left out. */
function printableEntries(value: object): Array<[string, unknown]> {
  return Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
  );
}

/** Bounded, stack-safe JSON text of `value`. Never throws. */
export function boundedJson(value: unknown, limits: Partial<BoundedJsonLimits> = {}): BoundedJson {
  const { indent, maxDepth, maxCharacters, mapString = (text: string) => text } = { ...PRETTY_JSON_LIMITS, ...limits };
  const pieces: string[] = [];
  let kept = 0;
  let omittedCharacters = 0;
  let depthCapped = false;
  const write = (text: string) => {
    const room = maxCharacters - kept;
    if (room >= text.length) {
      pieces.push(text);
      kept += text.length;
    } else {
      if (room > 0) {
        pieces.push(text.slice(0, room));
        kept += room;
      }
      omittedCharacters += text.length - Math.max(room, 0);
    }
  };
  const newline = (depth: number) => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const keySeparator = indent > 0 ? ': ' : ':';
  const quote = (text: string) => JSON.stringify(mapString(text));

  const tasks: Task[] = [{ value, depth: 0 }];

  /**
   * Arrays and objects are written alike: empty, cut at the depth limit, or opened with each member
   * queued as tasks of its own (so deep nesting never grows the call stack) and then closed.
   * `eachMember` calls `add` with the member's index, what goes before its value, and the value.
   */
  const writeContainer = (
    open: string,
    close: string,
    empty: boolean,
    depth: number,
    eachMember: (add: (index: number, prefix: string, member: Task) => void) => void,
  ) => {
    if (empty) write(`${open}${close}`);
    else if (depth >= maxDepth) {
      depthCapped = true;
      write(`${open}…${close}`);
    } else {
      write(open);
      const followUps: Task[] = [];
      eachMember((index, prefix, member) => {
        followUps.push({ text: `${index > 0 ? ',' : ''}${newline(depth + 1)}${prefix}` });
        followUps.push(member);
      });
      followUps.push({ text: `${newline(depth)}${close}` });
      for (let i = followUps.length - 1; i >= 0; i -= 1) tasks.push(followUps[i]!);
    }
  };

  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if ('text' in task) {
      write(task.text);
      continue;
    }
    const { value: item, depth } = task;
    if (typeof item === 'string') write(quote(item));
    else if (typeof item === 'number') write(Number.isFinite(item) ? String(item) : 'null');
    else if (typeof item === 'boolean') write(String(item));
    else if (item === null) write('null');
    else if (typeof item === 'bigint') write(String(item));
    else if (!isContainer(item)) write(depth === 0 ? String(item) : 'null');
    else if (Array.isArray(item)) {
      writeContainer('[', ']', item.length === 0, depth, (add) =>
        item.forEach((element, index) => {
          const printable = element !== undefined && typeof element !== 'function' && typeof element !== 'symbol';
          add(index, '', printable ? { value: element, depth: depth + 1 } : { text: 'null' });
        }),
      );
    } else {
      const entries = printableEntries(item);
      writeContainer('{', '}', entries.length === 0, depth, (add) =>
        entries.forEach(([key, member], index) =>
          add(index, `${quote(key)}${keySeparator}`, { value: member, depth: depth + 1 }),
        ),
      );
    }
  }
  return { text: pieces.join(''), omittedCharacters, depthCapped };
}
