import { describe, expect, it } from 'vitest';
import { personalReferenceIn } from '../../../shared/personal-references.ts';

describe('personal references in network texts', () => {
  it.each([
    ['plain', 'Borger 010190-1234 nævnt'],
    ['no dash', '0101901234'],
    ['space', '010190 1234'],
    ['en dash', '010190–1234'],
    ['em dash', '010190—1234'],
    ['minus sign', '010190−1234'],
    ['dot', '010190.1234'],
    ['dotted date with dash', '01.01.90-1234'],
    ['spaces between every group', '01 01 90 1234'],
    ['space inside the last four', '010190-12 34'],
    ['full-width digits', '０１０１９０－１２３４'],
    ['Arabic-Indic digits', '٠١٠١٩٠-١٢٣٤'],
    ['Devanagari digits', '०१०१९०-१२३४'],
    ['zero-width space inside', '0101\u200B90-12\u200B34'],
    ['soft hyphen and word joiner', '010\u00AD190\u2060-1234'],
    ['non-breaking space', '010190\u00A01234'],
  ])('refuses a CPR number written %s', (_, text) => {
    expect(personalReferenceIn(text)).toBe('cpr');
  });

  it.each([
    ['plain', 'Se S-2026-0007'],
    ['inquiry', 'H-2026-0012'],
    ['en dashes', 'S–2026–0007'],
    ['spaces', 'S 2026 0007'],
    ['one digit', 'S-2026-7'],
    ['lower case', 's-2026-0007'],
    ['no separators', 'S20260007'],
    ['full-width', 'Ｓ－２０２６－０００７'],
    ['zero-width space', 'S-2026\u200B-0007'],
  ])('refuses a record reference written %s', (_, text) => {
    expect(personalReferenceIn(text)).toBe('record_reference');
  });

  it.each([
    'Mødet er 01.01.2026',
    'Mødet er 01.01.2026 kl. 12.00',
    'Mødet er 01.01.2026 12.00',
    'Mødet er 01.01.2026 12:00',
    'Perioden 01.01.2026-31.03.2026',
    'Perioden 01.01.2026 – 31.03.2026',
    'Ring 12345678',
    'Ring 12 34 56 78',
    'Ring +45 12 34 56 78',
    'I 2025 og 2026 steg tallet',
    '1990-2026',
    'Uge 12: 4 nye sager, 17 åbne',
    'Sager fra 2026 om højreekstremisme',
    'Side 3 af 12',
  ])('lets a harmless text pass: %s', (text) => {
    expect(personalReferenceIn(text)).toBeNull();
  });
});
