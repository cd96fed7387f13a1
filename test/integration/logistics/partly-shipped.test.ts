/**
 * A desa allocated 6 and shipped 4 ("Sisa 2") is partly shipped wherever its state is told: the
 * summary, the CSV in both languages and the XLSX; confirmed in full by the village, it is still
 * partly shipped (confirmed but short is not complete). Only once the rest is shipped and
 * confirmed does it read "Diterima lengkap". Real handlers, dynalite and the local gateway.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { villages } from '#local/demo/oku-selatan.ts';
import type { LogisticsSummary, Shipment } from '#shared/logistics/contract.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';

type Created = Shipment & { receiptCode: string };

let t: TestStack;
const desa = villages[3] as (typeof villages)[number];

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

/** Ships `quantity` ballot boxes to the desa and has the village confirm every one in good order. */
async function shipAndConfirm(quantity: number): Promise<void> {
  const created = await t.organizer.post<Created>('/shipments', {
    villageCode: desa.code,
    lines: [{ itemCode: 'KOTAK_SUARA', quantity }],
  });
  expect(created.status).toBe(201);
  const confirmed = await t.anonymous.post(`/receipts/${created.body.receiptCode}`, {
    receivedBy: { name: 'Siti Nur’aini' },
    lines: [{ itemCode: 'KOTAK_SUARA', good: quantity, minorDamage: 0, majorDamage: 0 }],
  });
  expect(confirmed.status).toBe(201);
}

const stateOf = async () =>
  (await t.organizer.get<LogisticsSummary>('/logistics/summary')).body.villages.find(
    (each) => each.villageCode === desa.code,
  )?.state;

/** The distinct Status cells of the desa's rows in the CSV, in a language. */
async function csvStates(lang: 'id' | 'en'): Promise<string[]> {
  const reply = await t.organizer.get(`/logistics/summary.csv?lang=${lang}`);
  expect(reply.status).toBe(200);
  const rows = Papa.parse<Record<string, string>>(reply.text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const code = lang === 'id' ? 'Kode Desa' : 'Village code';
  return [...new Set(rows.filter((row) => row[code] === desa.code).map((row) => row.Status ?? ''))];
}

/** The distinct Status cells of the desa's rows in the XLSX's first sheet. */
async function xlsxStates(): Promise<string[]> {
  const response = await fetch(`${t.stack.url}/logistics/summary.xlsx`, {
    headers: { authorization: `Bearer ${t.tokens.organizer}` },
  });
  expect(response.status).toBe(200);
  const sheets = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
  const rows = (sheets[0]?.data ?? []) as unknown[][];
  const header = rows.findIndex((row) => row.includes('Kode Desa'));
  const codeColumn = rows[header]?.indexOf('Kode Desa') ?? -1;
  const stateColumn = rows[header]?.indexOf('Status') ?? -1;
  return [...new Set(rows.filter((row) => row[codeColumn] === desa.code).map((row) => String(row[stateColumn] ?? '')))];
}

test('allocated 6, shipped 4 and confirmed in full: "Sebagian dikirim" in the summary, the CSV and the XLSX', async () => {
  // Prepare: the desa allocated 6 ballot boxes by hand, 4 shipped and every one confirmed good.
  const allocated = await t.organizer.put(`/allocations/${desa.code}`, {
    lines: [{ itemCode: 'KOTAK_SUARA', quantity: 6 }],
  });
  expect(allocated.status).toBe(200);
  await shipAndConfirm(4);
  // Act
  const summary = (await t.organizer.get<LogisticsSummary>('/logistics/summary')).body;
  const csvId = await csvStates('id');
  const csvEn = await csvStates('en');
  const xlsx = await xlsxStates();
  // Assess
  expect(summary.villages.find((each) => each.villageCode === desa.code)?.state).toBe('partlyShipped');
  expect(summary.states.partlyShipped).toBe(1);
  expect(summary.states.confirmed).toBe(0);
  expect(csvId).toEqual(['Sebagian dikirim']);
  expect(csvEn).toEqual(['Partly shipped']);
  expect(xlsx).toEqual(['Sebagian dikirim']);
});

test('the rest shipped and confirmed, the same desa reads "Diterima lengkap" everywhere', async () => {
  // Act
  await shipAndConfirm(2);
  // Assess
  expect(await stateOf()).toBe('confirmed');
  expect(await csvStates('id')).toEqual(['Diterima lengkap']);
  expect(await csvStates('en')).toEqual(['Received in full']);
  expect(await xlsxStates()).toEqual(['Diterima lengkap']);
});
