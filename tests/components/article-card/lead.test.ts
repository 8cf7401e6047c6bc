/**
 * The full card's lead: the summary is drawn above the body unless the body opens with
 * it. `opensWith` reads only the start of a long body; it must answer exactly as
 * comparing the letters of the whole body does.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { opensWith } from '../../../src/components/article-card/full-article.js';

const letters = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

// Pieces of Vietnamese news text, precomposed and decomposed, with Markdown marks, Greek
// capital sigma (lower-cased by context) and long runs of non-letters.
const piece = fc.constantFrom(
  'Câu mở đầu',
  'Ca\u0302u mo\u031b\u0309 \u0111a\u0302\u0300u',
  'của bài',
  'ΟΔΟΣ',
  ' ',
  '**',
  '\n\n',
  '> ',
  '#',
  '1.',
  'e\u0302\u0300',
  '-'.repeat(300),
  'Đoạn hai',
  // Where a quick reading must not decide: letters and digits outside Latin, symbols that
  // change case (circled letters), Latin-1 letters and digits among punctuation.
  'Ⓐⓑ',
  'ª µ º ² ¹ ¼',
  '× ÷ © « » … — “”',
  'Ελλάδα',
  '東京 ２０２０',
  '😀',
  'A',
  'a',
  '9',
);
const textOf = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

describe('the full card lead', () => {
  it('opensWith answers as the letters of the whole body do', () => {
    fc.assert(
      fc.property(textOf, textOf, fc.boolean(), (body, summary, repeat) => {
        const text = repeat ? `${summary}${body}` : body;
        expect(opensWith(text, summary), JSON.stringify([text.slice(0, 80), summary])).to.equal(
          letters(text).startsWith(letters(summary)),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('decides on letters where the quick reading cannot', () => {
    // The quick reading keeps "ⓐ", "²" and "µ"; only letters can tell what they are.
    expect(opensWith('ⓐ Bài viết', 'Bài viết')).to.be.true;
    expect(opensWith('Bài ² viết', 'Bài viết')).to.be.false;
    expect(opensWith('µ Bài viết', 'Bài viết')).to.be.false;
    expect(opensWith('Bài… viết “mới”', 'Bài viết mới')).to.be.true;
    expect(opensWith('Ελλάδα, νέα', 'ελλάδα')).to.be.true;
    expect(opensWith('Ελλάδα, νέα', 'ελλαδα')).to.be.false;
  });

  it('does not judge by a letter whose combining marks the first reading cut off', () => {
    // "ề" written as e + two marks, placed so that the first reading (2 × 11 + 64 = 86
    // characters) ends right after the "e".
    const summary = `${'x'.repeat(10)}\u1ec1`;
    const text = `${'-'.repeat(75)}${'x'.repeat(10)}e\u0302\u0300 và phần sau`;
    expect(letters(text).startsWith(letters(summary))).to.be.true;
    expect(opensWith(text, summary)).to.be.true;
  });

  it('reads a 1 MB body that opens with the summary, and one that does not', () => {
    const body = `Câu mở đầu của bài. ${'Đoạn tiếp theo của bài viết. '.repeat(35_000)}`;
    expect(opensWith(body, 'Câu mở đầu của bài.')).to.be.true;
    expect(opensWith(body, 'Một tóm tắt khác.')).to.be.false;
    // A summary longer than the first guess of how much to read.
    expect(opensWith(body, body.slice(0, 5_000))).to.be.true;
  });
});
