/**
 * Numbers as Indonesian official records write them: quantities with a dot between thousands
 * ("1.025"), and spelled out in words ("terbilang") where a legal text names a date or a count,
 * so a figure cannot be altered by adding a digit. Written out rather than left to Intl so a
 * printed record reads the same on every runtime, whatever ICU data it has.
 */

const ONES = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
] as const;

const SCALES = [
  [1_000_000_000_000, 'triliun'],
  [1_000_000_000, 'miliar'],
  [1_000_000, 'juta'],
] as const;

function below1000(n: number): string {
  if (n < 12) return ONES[n] ?? '';
  if (n < 20) return `${ONES[n - 10]} belas`;
  if (n < 100) return [`${ONES[Math.floor(n / 10)]} puluh`, ONES[n % 10]].filter(Boolean).join(' ');
  const hundreds = Math.floor(n / 100);
  // 100 is "seratus", not "satu ratus"; likewise "seribu" below.
  const head = hundreds === 1 ? 'seratus' : `${ONES[hundreds]} ratus`;
  return [head, below1000(n % 100)].filter(Boolean).join(' ');
}

function below1000000(n: number): string {
  if (n < 1000) return below1000(n);
  const thousands = Math.floor(n / 1000);
  const head = thousands === 1 ? 'seribu' : `${below1000(thousands)} ribu`;
  return [head, below1000(n % 1000)].filter(Boolean).join(' ');
}

/**
 * A whole number in Indonesian words, lower case: 2026 → "dua ribu dua puluh enam", 11 →
 * "sebelas", 0 → "nol". For 0 up to Number.MAX_SAFE_INTEGER.
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a whole number: ${n}`);
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALES) {
    if (rest >= scale) {
      words.push(`${terbilang(Math.floor(rest / scale))} ${name}`);
      rest %= scale;
    }
  }
  if (rest > 0) words.push(below1000000(rest));
  return words.join(' ');
}

/** "dua ribu dua puluh enam" → "Dua Ribu Dua Puluh Enam", as dates are spelled in a berita acara. */
export function titleCase(words: string): string {
  return words.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** A count with dots between thousands, as Indonesian prints it: 1025 → "1.025". */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number: ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${digits}` : digits;
}
