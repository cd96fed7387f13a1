/**
 * Every sentence the API says exists in both languages and asks for the same placeholders in both,
 * so no reply ever shows "{at}" unfilled in one language and not the other.
 */
import { placeholdersOf, type Text } from '#shared/kernel/i18n/core.ts';
import { dictionaries, type MessageKey } from '#shared/kernel/i18n/messages.ts';
import * as uploads from '#shared/kernel/uploads/messages.ts';
import * as logistics from '#shared/logistics/messages.ts';
import * as regions from '#shared/regions/messages.ts';
import * as sessions from '#shared/sessions/messages.ts';

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'id' in value && 'en' in value;
}

/** Every text a module exports, also inside records of texts (the role names). */
function textsOf(module: Record<string, unknown>): Array<[string, Text]> {
  return Object.entries(module).flatMap(([name, value]): Array<[string, Text]> => {
    if (isText(value)) return [[name, value]];
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value).flatMap(
        ([key, inner]): Array<[string, Text]> => (isText(inner) ? [[`${name}.${key}`, inner]] : []),
      );
    }
    return [];
  });
}

const sorted = (values: string[]) => [...values].sort();

test.each([...textsOf(logistics), ...textsOf(regions), ...textsOf(sessions), ...textsOf(uploads)])(
  '%s says the same placeholders in Indonesian and English',
  (_name, text) => {
    expect(text.id).toBeTruthy();
    expect(text.en).toBeTruthy();
    expect(sorted(placeholdersOf(text.en))).toEqual(sorted(placeholdersOf(text.id)));
  },
);

test.each(Object.keys(dictionaries.id) as MessageKey[])('%s says the same placeholders in both dictionaries', (key) => {
  expect(dictionaries.en[key]).toBeTruthy();
  expect(sorted(placeholdersOf(dictionaries.en[key]))).toEqual(sorted(placeholdersOf(dictionaries.id[key])));
});
