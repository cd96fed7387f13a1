import fc from 'fast-check';
import { cleanName, cleanText, compareNames, isValidName, nameKey } from '#shared/kernel/people/names.ts';

describe('names are free text', () => {
  test.each([
    'Juproni',
    'H. M. Rahmattullah, S.STP., MM.',
    "Ma'ruf Amin",
    'Siti Nur’aini',
    'Fransiskus Xaverius Séda',
    'Dr. Elvira Ñañez',
    'Đặng Văn Lâm',
    'Ni Luh Putu Ayu-Lestari',
    'Абдулла',
    'I Gusti Ngurah (Alm.)',
    'Ng',
  ])('accepts %p', (name) => {
    expect(isValidName(cleanName(name))).toBe(true);
  });

  test.each(['', '   ', 'A', 'A.', '12345', 'Budi 2', '<script>', 'Budi\u0000', '...', 'Budi; DROP TABLE'])(
    'refuses %p',
    (name) => {
      expect(isValidName(cleanName(name))).toBe(false);
    },
  );

  test('cleaning joins spaces and composes accents', () => {
    expect(cleanName('  Se\u0301da   Putra ')).toBe('Séda Putra');
  });

  test('the comparison key ignores case, accents, punctuation and spacing', () => {
    expect(nameKey('H. M. Rahmattullah, S.STP.')).toBe(nameKey('h m rahmattullah sstp'));
    expect(nameKey('Séda')).toBe(nameKey('SEDA'));
  });

  test('any valid name stays valid after cleaning and keeps its letters', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéñđăÀÖ'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
    const firstWord = fc.array(letter, { minLength: 2, maxLength: 8 }).map((chars) => chars.join(''));
    const separator = fc.constantFrom(' ', '. ', ', ', "'", '-', '  ');
    const name = fc
      .tuple(firstWord, fc.array(fc.tuple(separator, word), { maxLength: 4 }))
      .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(''));
    fc.assert(
      fc.property(name, (raw) => {
        const cleaned = cleanName(raw);
        expect(isValidName(cleaned)).toBe(true);
        expect(cleanName(cleaned)).toBe(cleaned);
      }),
    );
  });
});

describe('names are ordered the way an Indonesian reader expects', () => {
  test('case is ignored and numbers compare as numbers', () => {
    const desa = ['Tanjung 10', 'sukaraja', 'Tanjung 2', 'Banding Agung', 'Sukaraja 1'];
    expect([...desa].sort(compareNames)).toEqual([
      'Banding Agung',
      'sukaraja',
      'Sukaraja 1',
      'Tanjung 2',
      'Tanjung 10',
    ]);
  });

  test('accents do not push a name to the end of the list', () => {
    expect(['Zainal', 'Élvira', 'Ahmad'].sort(compareNames)).toEqual(['Ahmad', 'Élvira', 'Zainal']);
  });
});

describe('free text keeps what can be seen', () => {
  test.each([
    ['Aula\u202E fdp.exe', 'Aula fdp.exe'],
    ['Gedung\u0007 Serbaguna', 'Gedung Serbaguna'],
    ['Kotak\u200B suara\u2066 besar\u2069', 'Kotak suara besar'],
    ['Balai\tDesa\r\nSuka Maju', 'Balai Desa Suka Maju'],
    ['\uFEFFSosialisasi Pilkades', 'Sosialisasi Pilkades'],
  ])('%j is stored as %j', (raw, stored) => {
    expect(cleanText(raw)).toBe(stored);
  });

  test('whatever is typed, no control or direction-override character survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        expect(cleanText(raw)).not.toMatch(/[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
      }),
    );
  });
});
