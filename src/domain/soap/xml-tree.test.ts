import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childrenNamed, descendants, readXml, resolveQName } from './xml-tree';

describe('readXml', () => {
  it('resolves prefixes, default namespaces and redeclarations to namespace URIs', () => {
    const read = readXml(
      '<a:root xmlns:a="urn:a" xmlns="urn:default"><child/><a:child xmlns:a="urn:other"/><b:x xmlns:b="urn:b"><inner/></b:x></a:root>',
    );
    if (!read.ok) throw new Error(read.detail);
    expect(read.root).toMatchObject({ ns: 'urn:a', local: 'root' });
    expect(read.root.children.map((c) => [c.ns, c.local])).toEqual([
      ['urn:default', 'child'],
      ['urn:other', 'child'],
      ['urn:b', 'x'],
    ]);
    expect(descendants(read.root).map((e) => e.local)).toEqual(['child', 'child', 'x', 'inner']);
    expect(childrenNamed(read.root, 'child', 'urn:other')).toHaveLength(1);
    expect(resolveQName('b:thing', read.root.children[2]!)).toEqual({ ns: 'urn:b', local: 'thing' });
    expect(resolveQName('thing', read.root)).toEqual({ ns: 'urn:default', local: 'thing' });
  });

  it('keeps text exactly (no number parsing), with entities and CDATA decoded', () => {
    const read = readXml('<r><id>0012</id><t>a &lt;b&gt; &amp; <![CDATA[<c>]]></t></r>');
    if (!read.ok) throw new Error(read.detail);
    expect(read.root.children.map((c) => c.text)).toEqual(['0012', 'a <b> & <c>']);
  });

  it('refuses DOCTYPEs, empty input and malformed XML with a reason', () => {
    expect(readXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toMatchObject({ ok: false, problem: 'doctype' });
    expect(readXml('  ')).toMatchObject({ ok: false, problem: 'empty' });
    expect(readXml('<a><b></a>')).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('property: never throws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              '<',
              '>',
              '</',
              '/>',
              'a',
              ':',
              'xmlns:p="u"',
              '"',
              '&',
              ';',
              '<![CDATA[',
              ']]>',
              '<?',
              '?>',
              '<!--',
              '-->',
            ),
            fc.string({ maxLength: 3 }),
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const read = readXml(parts.join(''));
          expect(typeof read.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});
