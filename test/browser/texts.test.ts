/**
 * The pages' words, as a class: every text of every page dictionary exists in Bahasa Indonesia and
 * English with the same placeholders, every key the code asks for exists, and a tour of every page
 * in both languages shows no unfilled `{placeholder}`, no "undefined", no English word in the
 * Indonesian pages, and no number of four digits or more without its thousand separator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import { placeholdersOf, type Template, type Text } from '#shared/kernel/i18n/core.ts';
import type { Allocation, Shipment } from '#shared/logistics/contract.ts';
import { type BrowserStack, usePhoneSession } from '#test/support/browser.ts';

const WEB = join(process.cwd(), 'web/src');
/** The modules holding dictionaries, and the dictionaries they export. */
const DICTIONARIES: Record<string, string[]> = {
  'texts.ts': ['commonTexts'],
  'sessions/texts.ts': ['roleTexts', 'sessionTexts'],
  'sessions/import-texts.ts': ['importTexts'],
  'logistics/texts.ts': ['logisticsTexts'],
  'logistics/states.ts': ['stateTexts'],
  'regions/texts.ts': ['regionTexts'],
  'regions/lookup.ts': ['unitTexts'],
  'audit/texts.ts': ['auditTexts'],
  'people/texts.ts': ['peopleTexts'],
  'waves/texts.ts': ['wavesTexts'],
  'receipt/texts.ts': ['receiptTexts'],
  'public/texts.ts': ['publicTexts'],
  'public/upload-texts.ts': ['uploadTexts'],
  'invitation/texts.ts': ['invitationTexts'],
  'pass/texts.ts': ['passTexts'],
  'certificate/texts.ts': ['certificateTexts'],
};

let all: Map<string, Text>;
beforeAll(async () => {
  all = new Map();
  for (const [file, names] of Object.entries(DICTIONARIES)) {
    // Loaded by path: the page modules are typed for a browser, this program for Node.
    const loaded = (await import(join(WEB, file))) as Record<string, Record<string, Text>>;
    for (const name of names) for (const [key, text] of Object.entries(loaded[name] ?? {})) all.set(key, text);
  }
});

const forms = (template: Template): string[] =>
  typeof template === 'string' ? [template] : [template.other, ...(template.one === undefined ? [] : [template.one])];

test('every page text exists in both languages, with the same placeholders and no empty form', () => {
  // Act
  const wrong: string[] = [];
  for (const [key, text] of all) {
    if (!text.id || !text.en) wrong.push(`${key}: a language is missing`);
    else {
      if ([...forms(text.id), ...forms(text.en)].some((form) => form.trim() === '')) wrong.push(`${key}: empty form`);
      const id = placeholdersOf(text.id).sort();
      const en = placeholdersOf(text.en).sort();
      if (id.join() !== en.join()) wrong.push(`${key}: {${id}} in id, {${en}} in en`);
    }
  }
  // Assess
  expect(all.size).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
});

test('every text key the pages ask for by name exists', () => {
  // Prepare: t('…') and has('…') calls with a written key (a key built from a value ends in a dot).
  const sources: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk(WEB);
  // Act
  const asked = new Set(
    sources.flatMap((source) => [...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] as string)),
  );
  const missing = [...asked].filter((key) => !all.has(key));
  // Assess
  expect(asked.size).toBeGreaterThan(250);
  expect(missing).toEqual([]);
});

// ---- A tour of the pages ---------------------------------------------------------------------

type Created = Shipment & { receiptCode: string };
const desa = villages[0] as (typeof villages)[number];
let shipment: Created;
let waveId: string;
let invitationCode: string;
let passToken: string;

const phone = usePhoneSession({ group: 'admin', name: 'Admin DPMD' }, async (stack) => {
  const registrations = `/sessions/${stack.sessionId}/registrations`;
  await stack.organizer.post(registrations, { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: desa.code });
  await stack.organizer.post(`${registrations}/KT-${desa.code}/check-in`);
  waveId = (await stack.organizer.get<{ items: Array<{ id: string }> }>('/waves')).body.items[0]?.id ?? '';
  const invited = await stack.organizer.post<{ items: Array<{ code: string; unit: { code: string } }> }>(
    `/sessions/${stack.sessionId}/invitations`,
  );
  invitationCode = invited.body.items.find((each) => each.unit.code === villages[1]?.code)?.code ?? '';
  const own = await stack.anonymous.post<{ pass: { token: string } }>(`/invitations/${invitationCode}/registrations`, {
    fullName: 'Siti Aminah',
    role: 'SEKRETARIS_PANITIA',
    phone: '081200004444',
  });
  passToken = own.body.pass.token;
  await stack.organizer.post('/allocations/apply', { rules: demoRules });
  const allocation = (await stack.organizer.get<{ items: Allocation[] }>('/allocations')).body.items.find(
    (each) => each.villageCode === desa.code,
  );
  shipment = (
    await stack.organizer.post<Created>('/shipments', {
      villageCode: desa.code,
      lines: allocation?.lines.filter((line) => line.quantity > 0),
    })
  ).body;
  await stack.anonymous.post(`/receipts/${shipment.receiptCode}`, {
    receivedBy: { name: 'Siti Nur’aini' },
    lines: shipment.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.itemCode === 'SURAT_SUARA' ? line.quantity - 1200 : line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    })),
  });
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

/** English words a page in Bahasa Indonesia must not show (the API's own sentences included). */
const ENGLISH =
  /\b(override|undefined|null|NaN|loading|error|submit|cancel|save|village|present|registered|shipped|missing)\b/i;

/**
 * Numbers of four digits or more without grouping, once what legitimately holds long digit runs
 * is set aside: region codes, years, BAST numbers, phone numbers, clock times.
 */
function ungrouped(text: string): string[] {
  const cleaned = text
    .replace(/\d{2}\.\d{2}\.\d{2}(\.\d{4})?/g, ' ')
    .replace(/\S*BAST\S*/g, ' ')
    .replace(/(\+62|0)\s?8\d{2}[\s-]?\d{3,4}[\s-]?\d{3,4}/g, ' ')
    .replace(/\b(19|20)\d{2}\b/g, ' ');
  return cleaned.match(/(?<![\d.,])\d{4,}(?![\d.,])/g) ?? [];
}

async function visit(path: string, ready: string): Promise<string> {
  await page.goto('about:blank');
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  return page.evaluate('document.body.innerText') as Promise<string>;
}

const tour = () => [
  { path: '/#/', ready: '.cards .card' },
  { path: `/#/sesi/${s.sessionId}`, ready: '.recap-sentence' },
  { path: `/#/sesi/${s.sessionId}/daftar`, ready: 'form.register' },
  { path: `/#/sesi/${s.sessionId}/hadir`, ready: '.person' },
  { path: `/#/sesi/${s.sessionId}/riwayat`, ready: '.audit-sentence' },
  { path: '/#/logistik', ready: '.tile' },
  { path: `/#/logistik/kirim/${desa.code}`, ready: '.line-grid .field' },
  { path: '/#/logistik/alokasi', ready: 'fieldset.rule' },
  { path: '/#/logistik/katalog', ready: '.item-row' },
  { path: `/#/logistik/desa/${desa.code}`, ready: '.audit-sentence' },
  { path: `/#/logistik/kiriman/${shipment.id}`, ready: '.audit-sentence' },
  { path: '/#/wilayah', ready: 'table.regions' },
  { path: '/#/gelombang', ready: '.cards .card' },
  { path: `/#/gelombang/${waveId}`, ready: '.desa-row' },
  { path: `/#/gelombang/${waveId}/desa/${desa.code}`, ready: '.committee' },
  { path: `/#/gelombang/${waveId}/jadwal`, ready: '.stage' },
  { path: `/#/gelombang/${waveId}/tindak-lanjut`, ready: '.chase-item' },
  { path: `/#/gelombang/${waveId}/pengaturan`, ready: '.audit-sentence' },
  { path: `/terima/${shipment.receiptCode}`, ready: '.results' },
  { path: `/daftar/${invitationCode}`, ready: 'form .choice' },
  { path: `/hadir/${passToken}`, ready: '.pass .qr' },
];

test('a tour of every page in Bahasa Indonesia: nothing unfilled, nothing English, every long number grouped', async () => {
  // Act
  const found: string[] = [];
  for (const stop of tour()) {
    const text = await visit(stop.path, stop.ready);
    // The language button says "English" on purpose.
    const shown = text.replace(/^English$/m, '');
    for (const placeholder of shown.match(/\{\w+\}/g) ?? []) found.push(`${stop.path}: ${placeholder}`);
    const english = ENGLISH.exec(shown);
    if (english) found.push(`${stop.path}: English "${english[0]}"`);
    for (const number of ungrouped(shown)) found.push(`${stop.path}: ungrouped ${number}`);
  }
  // Assess
  expect(found).toEqual([]);
});

test('the same tour in English: nothing unfilled, every long number grouped', async () => {
  // Prepare
  await page.goto('/#/');
  await page.evaluate("localStorage.setItem('siap.lang', 'en')");
  // Act
  const found: string[] = [];
  for (const stop of tour()) {
    const text = await visit(stop.path, stop.ready);
    for (const placeholder of text.match(/\{\w+\}/g) ?? []) found.push(`${stop.path}: ${placeholder}`);
    if (/\bundefined\b|\bNaN\b/.test(text)) found.push(`${stop.path}: undefined or NaN`);
    for (const number of ungrouped(text)) found.push(`${stop.path}: ungrouped ${number}`);
  }
  await page.evaluate("localStorage.setItem('siap.lang', 'id')");
  // Assess
  expect(found).toEqual([]);
});
