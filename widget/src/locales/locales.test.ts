// Unit test of the translations (xx.json, shipped as dist/widget-lang-xx.json): one non-empty string per English
// string, in the English table's order, with {} wherever English takes an argument.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Lang } from '../locale';
import { fromList, strings } from '../strings';
import de from './de.json';
import es from './es.json';
import fr from './fr.json';
import pt from './pt.json';
import zh from './zh.json';

// Typed by LOCALES: a language added there without a file here fails the type check.
const langs: Record<Exclude<Lang, 'en'>, unknown> = { de, es, fr, pt, zh };

/** The English leaves, depth first (the order of the lists); functions as their {} template. */
const leaves = (o: object): string[] =>
  Object.values(o).flatMap((v) => (typeof v == 'object' ? leaves(v) : [typeof v == 'function' ? v('{}') : v]));

describe('translations', () => {
  const en = leaves(strings);

  it('a translation for every language but English', () => {
    expect(Object.keys(langs).sort()).toEqual(LOCALES.filter((l) => l !== 'en').sort());
  });

  for (const [lang, list] of Object.entries(langs)) {
    it(`${lang}: one string per English string, {} wherever English takes an argument`, () => {
      expect(Array.isArray(list)).toBe(true);
      expect(list).toHaveLength(en.length);
      (list as unknown[]).forEach((s, i) => {
        expect(typeof s).toBe('string');
        expect((s as string).trim()).not.toBe('');
        expect((s as string).includes('{}')).toBe(en[i].includes('{}'));
      });
    });
  }

  it('fromList rebuilds the shape of the English table, templates included', () => {
    const t = fromList(de);
    expect(Object.keys(t)).toEqual(Object.keys(strings));
    expect(t.status.online).toBe('Online');
    expect(t.typing('Ana')).toBe('Ana schreibt…');
    expect(t.stars(4)).toBe('4 von 5');
    expect(t.deleted).toBe('Nachricht gelöscht');
    expect(fromList(leaves(strings)).notice.closed).toBe(strings.notice.closed);
  });
});
