import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addMonths } from './due.ts';
import { buildPackage, verifyChecksums } from './package.ts';

/** The archival version's files and the period arithmetic, without a database. */
const empty = {
  cases: [],
  case_events: [],
  case_persons: [],
  inquiries: [],
  inquiry_decisions: [],
  inquiry_persons: [],
};
const meta = {
  exportId: '00000000-0000-4000-8000-000000000001',
  municipalityCode: '101',
  takenAt: new Date('2026-12-06T10:00:00Z'),
};

describe('the archival package', () => {
  it('neutralises formula cells and quotes every cell in the CSV tables', () => {
    const { files } = buildPackage(
      meta,
      {
        ...empty,
        cases: [{ id: 'a', reference: 'S-2020-0001', work_summary: '=HYPERLINK("x")' }],
      },
      [],
    );
    const csv = files.get('Tables/table1/table1.csv')?.toString('utf8') ?? '';
    expect(csv).toBe(
      '"id","reference","work_summary"\r\n"a","S-2020-0001","\'=HYPERLINK(""x"")"\r\n',
    );
  });

  it('lists every file with its SHA-256, and the index hash is the file index’s', () => {
    const { files, indexSha256 } = buildPackage(meta, empty, [
      { recordKind: 'case', recordId: 'a', title: 'Sag & <arkiv>', pdf: Buffer.from('%PDF-1.7') },
    ]);
    expect([...files.keys()].sort()).toEqual([
      'Documents/docCollection1/1/1.pdf',
      'Indices/docIndex.xml',
      'Indices/fileIndex.xml',
      'Indices/tableIndex.xml',
      'Tables/table1/table1.csv',
      'Tables/table2/table2.csv',
      'Tables/table3/table3.csv',
      'Tables/table4/table4.csv',
      'Tables/table5/table5.csv',
      'Tables/table6/table6.csv',
      'checksums.sha256',
    ]);
    expect(files.get('Indices/docIndex.xml')?.toString()).toContain('Sag &amp; &lt;arkiv&gt;');
    expect(verifyChecksums(files)).toEqual([]);
    const index = files.get('Indices/fileIndex.xml') as Buffer;
    expect(createHash('sha256').update(index).digest('hex')).toBe(indexSha256);
    files.set('Documents/docCollection1/1/1.pdf', Buffer.from('changed'));
    expect(verifyChecksums(files)).toEqual(['Documents/docCollection1/1/1.pdf']);
  });
});

describe('addMonths', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-03-15', 60)).toBe('2025-03-15');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
    expect(addMonths('2026-12-06', 1)).toBe('2027-01-06');
  });
});
