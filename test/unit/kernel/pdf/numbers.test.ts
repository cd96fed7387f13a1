import fc from 'fast-check';
import { calendarDate, numericDate, spelledDate } from '#shared/kernel/pdf/dates.ts';
import { formatCount, terbilang, titleCase } from '#shared/kernel/pdf/numbers.ts';

const DIGITS = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SE: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100 };
const SCALE: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9 };

/** An independent reader of Indonesian number words, to check terbilang against. */
function readBack(words: string): number {
  if (words === 'nol') return 0;
  let total = 0;
  let group = 0;
  let digit = 0;
  for (const word of words.split(' ')) {
    if (DIGITS.includes(word)) digit = DIGITS.indexOf(word) + 1;
    else if (word in SE) group += SE[word] ?? 0;
    else if (word === 'seribu') total += 1000;
    else if (word === 'belas') [group, digit] = [group + digit + 10, 0];
    else if (word === 'puluh') [group, digit] = [group + digit * 10, 0];
    else if (word === 'ratus') [group, digit] = [group + digit * 100, 0];
    else if (word in SCALE) [total, group, digit] = [total + (group + digit) * (SCALE[word] ?? 0), 0, 0];
    else throw new Error(`Unknown word ${word}`);
  }
  return total + group + digit;
}

describe('terbilang: numbers in Indonesian words', () => {
  test.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2023, 'dua ribu dua puluh tiga'],
    [2026, 'dua ribu dua puluh enam'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [183_000, 'seratus delapan puluh tiga ribu'],
    [1_000_000, 'satu juta'],
    [1_500_250, 'satu juta lima ratus ribu dua ratus lima puluh'],
    [2_000_000_000, 'dua miliar'],
    [3_000_000_000_001, 'tiga triliun satu'],
  ])('%d is "%s"', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  test('reads back to the same number, for any count up to a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const words = terbilang(n);
        expect(words).toMatch(/^[a-z]+( [a-z]+)*$/);
        expect(readBack(words)).toBe(n);
      }),
    );
  });

  test('refuses what is not a whole number', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });

  test('titleCase capitalises each word, as a spelled date is written', () => {
    expect(titleCase('dua ribu dua puluh enam')).toBe('Dua Ribu Dua Puluh Enam');
  });
});

describe('formatCount: dots between thousands', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [1025, '1.025'],
    [1_234_567, '1.234.567'],
  ])('%d prints as %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  test('only adds dots, in groups of three from the right', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const text = formatCount(n);
        expect(text.replaceAll('.', '')).toBe(String(n));
        expect(text).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }),
    );
  });
});

describe('dates of a berita acara', () => {
  test('the opening spells the date out: "Rabu tanggal Delapan bulan Februari tahun Dua Ribu Dua Puluh Tiga"', () => {
    expect(spelledDate('2023-02-08')).toBe('Rabu tanggal Delapan bulan Februari tahun Dua Ribu Dua Puluh Tiga');
    expect(spelledDate('2023-09-23')).toBe(
      'Sabtu tanggal Dua Puluh Tiga bulan September tahun Dua Ribu Dua Puluh Tiga',
    );
    expect(spelledDate('2026-01-11')).toBe('Minggu tanggal Sebelas bulan Januari tahun Dua Ribu Dua Puluh Enam');
  });

  test('and repeats it in figures, day first', () => {
    expect(numericDate('2023-02-08')).toBe('08-02-2023');
  });

  test('a stored UTC time is dated where the record is signed', () => {
    expect(calendarDate('2026-05-05T16:59:59.000Z', 'Asia/Jakarta')).toBe('2026-05-05');
    expect(calendarDate('2026-05-05T17:00:00.000Z', 'Asia/Jakarta')).toBe('2026-05-06');
    expect(calendarDate(new Date('2026-12-31T18:30:00Z'), 'Asia/Jakarta')).toBe('2027-01-01');
    expect(() => calendarDate('not a time', 'Asia/Jakarta')).toThrow(RangeError);
  });
});
