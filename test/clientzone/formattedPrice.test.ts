import { expect } from 'chai';

import { parseFormattedPrice } from '../../clientzone/formattedPrice.js';

describe('parseFormattedPrice', () => {
  const cases: ReadonlyArray<readonly [string, number]> = [
    ['Rp150.000', 150000],
    ['Rp1.250.000', 1250000],
    ['Rp1.250.000,50', 1250000.5],
    ['Rp1.250.000,5', 1250000.5],
    ['Rp 150.000,00', 150000],
    ['Rp150,000', 150000],
    ['Rp150000.00', 150000],
    ['IDR 150000', 150000],
    ['$4.33 USD', 4.33],
    ['$1,234.56 USD', 1234.56],
    ['€1.234,56', 1234.56],
    ['1 250 000,50 €', 1250000.5],
    ['1\u00a0250\u00a0000,50 €', 1250000.5],
    ["CHF 1'234.50", 1234.5],
    ['£0.99', 0.99],
    ['Rp0', 0],
    ['Rp0,00', 0],
    ['-Rp50.000', -50000],
    ['Rp-50.000', -50000],
    ['Rp -50.000,00', -50000],
    ['-$4.33 USD', -4.33],
    ['\u2212Rp50.000', -50000],
    ['(Rp50.000)', -50000],
    ['-Rp0', 0],
    ['  Rp150.000  ', 150000],
    ['12', 12],
    ['1.5', 1.5],
    ['1.234', 1234],
  ];

  for (const [text, expected] of cases) {
    it(`when the price is "${text}", then it is ${expected}`, () => {
      expect(parseFormattedPrice(text)).to.equal(expected);
    });
  }

  for (const text of ['', 'Rp', 'gratis', '-']) {
    it(`when the text is "${text}", then it throws a RangeError`, () => {
      expect(() => parseFormattedPrice(text)).to.throw(RangeError);
    });
  }
});
