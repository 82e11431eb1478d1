import { hitHighlighter } from './highlights';

describe('hitHighlighter', () => {
  it('marks the query words in the title and a fragment of the description, HTML-escaped', () => {
    const mark = hitHighlighter('lamp', false);
    expect(mark({ title: 'Paper Lamp Shade <Large>', description: 'A lamp & a shade.' })).toEqual({
      title: 'Paper <mark>Lamp</mark> Shade &lt;Large&gt;',
      description: 'A <mark>lamp</mark> &amp; a shade.',
    });
  });

  it('marks plurals, case and accents as the analyzer folds them', () => {
    const mark = hitHighlighter('CAFE lamps', false);
    expect(mark({ title: 'Café Lamp' })?.title).toBe('<mark>Café</mark> <mark>Lamp</mark>');
  });

  it('marks typo-tolerant matches only when the search tolerated typos', () => {
    const source = { title: 'Lamb Stew Pot', description: 'Not a lamp.' };
    expect(hitHighlighter('lamp', false)(source)).toEqual({ description: 'Not a <mark>lamp</mark>.' });
    expect(hitHighlighter('lamp', true)(source)).toEqual({
      title: '<mark>Lamb</mark> Stew Pot',
      description: 'Not a <mark>lamp</mark>.',
    });
    // "aredn" is one edit (a swap) from "arden"; two letters allow no typo, as `fuzziness: AUTO`.
    expect(hitHighlighter('aredn', true)({ title: 'Arden Chair' })?.title).toBe('<mark>Arden</mark> Chair');
    expect(hitHighlighter('ok', true)({ title: 'On Oak' })).toBeUndefined();
  });

  it('cuts a long description to a fragment around the first match', () => {
    const description = `${'word '.repeat(60)}the lamp is here ${'more '.repeat(60)}`;
    const fragment = hitHighlighter('lamp', false)({ description })?.description ?? '';
    expect(fragment).toContain('<mark>lamp</mark>');
    expect(fragment.length).toBeLessThanOrEqual(160 + '<mark></mark>'.length);
  });

  it('has no highlight when nothing matches or the stored fields are missing', () => {
    const mark = hitHighlighter('lamp', true);
    expect(mark({ title: 'Kettle', description: 'Steel.' })).toBeUndefined();
    expect(mark(undefined)).toBeUndefined();
    expect(mark({ title: 42 })).toBeUndefined();
  });
});
