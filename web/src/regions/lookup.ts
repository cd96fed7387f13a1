/**
 * The regency's kecamatan and desa, fetched once per page load and looked up by code, and the
 * words that name one ("Desa Tanjung Baru", "Kec. Muaradua") on every page.
 */
import { call } from '../api.ts';
import type { Text } from '../lang.ts';
import type { Regions } from '../types.ts';

/** How a desa or kecamatan is named in a sentence; every area's dictionary includes these. */
export const unitTexts = {
  'unit.village': { id: 'Desa {name}', en: '{name} village' },
  'unit.kecamatan': { id: 'Kec. {name}', en: '{name} kecamatan' },
} satisfies Record<string, Text>;

export interface RegionIndex extends Regions {
  kecamatanName(code: string): string;
  villageName(code: string): string;
  villageKecamatan(code: string): string | undefined;
}

let cached: Promise<RegionIndex> | null = null;

function index(regions: Regions): RegionIndex {
  const kecamatan = new Map(regions.kecamatan.map((each) => [each.code, each.name]));
  const villages = new Map(regions.villages.map((each) => [each.code, each]));
  return {
    ...regions,
    kecamatanName: (code) => kecamatan.get(code) ?? code,
    villageName: (code) => villages.get(code)?.name ?? code,
    villageKecamatan: (code) => villages.get(code)?.kecamatanCode,
  };
}

/** The regions (cached; `fresh` after an import). A failed load is not cached. */
export function loadRegions(fresh = false): Promise<RegionIndex> {
  if (!cached || fresh) {
    cached = call('getRegions').then((reply) => index(reply.body));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Sorts by name the way people read them. */
export function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
