import { dayMonthYear, longDate } from '#shared/kernel/pdf/dates.ts';

describe('dates on printed records', () => {
  test('read as Indonesian letters write them: "Rabu, 8 Februari 2023"', () => {
    expect(longDate('2023-02-08')).toBe('Rabu, 8 Februari 2023');
    expect(longDate('2023-09-23')).toBe('Sabtu, 23 September 2023');
    expect(dayMonthYear('2023-07-03')).toBe('3 Juli 2023');
  });

  test('name every weekday and month right', () => {
    // 1-7 January 2023 runs from Sunday (Minggu) to Saturday (Sabtu).
    expect(['01', '02', '03', '04', '05', '06', '07'].map((day) => longDate(`2023-01-${day}`).split(',')[0])).toEqual([
      'Minggu',
      'Senin',
      'Selasa',
      'Rabu',
      'Kamis',
      'Jumat',
      'Sabtu',
    ]);
    expect(
      Array.from({ length: 12 }, (_, index) => dayMonthYear(`2023-${String(index + 1).padStart(2, '0')}-15`)),
    ).toEqual([
      '15 Januari 2023',
      '15 Februari 2023',
      '15 Maret 2023',
      '15 April 2023',
      '15 Mei 2023',
      '15 Juni 2023',
      '15 Juli 2023',
      '15 Agustus 2023',
      '15 September 2023',
      '15 Oktober 2023',
      '15 November 2023',
      '15 Desember 2023',
    ]);
  });

  test('agree with the runtime calendar for every day of a leap year and the next', () => {
    const reference = new Intl.DateTimeFormat('id-ID', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    for (let day = 0; day < 731; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day));
      expect(longDate(date.toISOString().slice(0, 10))).toBe(reference.format(date));
    }
  });

  test('in English on request', () => {
    expect(longDate('2023-02-08', 'en')).toBe('Wednesday, 8 February 2023');
  });

  test('refuse what is not a calendar date', () => {
    expect(() => longDate('2023-02-29')).toThrow(RangeError);
    expect(() => longDate('8 Feb 2023')).toThrow(RangeError);
  });
});
