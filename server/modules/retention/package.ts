import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { translate } from '../../platform/i18n/index.ts';
import type { ArchiveTables, TableRows } from './queries-archive.ts';

/**
 * The archival version's files (arkiveringsversion, docs/RETENTION.md), built in memory and
 * written as one directory — the product has no ZIP library, and the archive's own format is a
 * folder tree too:
 *
 *   Indices/tableIndex.xml     every table: name, description, columns, rows, its file
 *   Indices/docIndex.xml       every document: id, the record it belongs to, title, file
 *   Indices/fileIndex.xml      every file above with its SHA-256 (its own SHA-256 is recorded)
 *   Tables/tableN/tableN.csv   one CSV per table (UTF-8, header row, formula cells neutralised)
 *   Documents/docCollection1/N/1.pdf   the records' documents as PDF/A
 *   checksums.sha256           every file with its SHA-256, in `sha256sum -c` format
 */
export type PackageFiles = Map<string, Buffer>;

/** A table's description in the index: Danish, for the Danish archive, from the locale files. */
export const tableDescription = (table: string) =>
  translate('da', `retention.archiveTables.${table}`);

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A CSV cell: quoted, and a leading = + - @ tab or CR neutralised so no spreadsheet runs it. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function csv(rows: TableRows): { text: string; columns: string[] } {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const lines = [
    columns.map(cell).join(','),
    ...rows.map((r) => columns.map((c) => cell(r[c])).join(',')),
  ];
  return { text: lines.join('\r\n') + '\r\n', columns };
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PackageDocument {
  recordKind: 'case' | 'inquiry';
  recordId: string;
  title: string;
  pdf: Buffer;
  /** A scanned original (the signed consent form) kept in its own format; PDF/A otherwise. */
  original?: { extension: string; mediaType: string };
}

export function buildPackage(
  meta: { exportId: string; municipalityCode: string; takenAt: Date },
  tables: ArchiveTables,
  documents: PackageDocument[],
): { files: PackageFiles; indexSha256: string } {
  const files: PackageFiles = new Map();
  const tableEntries: string[] = [];
  Object.keys(tables).forEach((name, index) => {
    const folder = `table${index + 1}`;
    const rows = tables[name] ?? [];
    const { text, columns } = csv(rows);
    files.set(`Tables/${folder}/${folder}.csv`, Buffer.from(text, 'utf8'));
    tableEntries.push(
      `  <table>\n    <name>${name}</name>\n    <folder>${folder}</folder>\n` +
        `    <description>${xml(tableDescription(name))}</description>\n` +
        `    <rows>${rows.length}</rows>\n    <columns>\n` +
        columns.map((c) => `      <column><name>${xml(c)}</name></column>\n`).join('') +
        `    </columns>\n  </table>\n`,
    );
  });
  const header = (root: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} exportId="${meta.exportId}" ` +
    `municipality="${meta.municipalityCode}" created="${meta.takenAt.toISOString()}">\n`;
  files.set(
    'Indices/tableIndex.xml',
    Buffer.from(`${header('tableIndex')}${tableEntries.join('')}</tableIndex>\n`, 'utf8'),
  );
  const docEntries = documents.map((doc, index) => {
    const path = `Documents/docCollection1/${index + 1}/1.${doc.original?.extension ?? 'pdf'}`;
    files.set(path, doc.pdf);
    return (
      `  <doc>\n    <dID>${index + 1}</dID>\n    <recordKind>${doc.recordKind}</recordKind>\n` +
      `    <recordId>${doc.recordId}</recordId>\n    <title>${xml(doc.title)}</title>\n` +
      `    <file>${path}</file>\n    <format>${xml(doc.original?.mediaType ?? 'PDF/A-2a')}</format>\n  </doc>\n`
    );
  });
  files.set(
    'Indices/docIndex.xml',
    Buffer.from(`${header('docIndex')}${docEntries.join('')}</docIndex>\n`, 'utf8'),
  );
  const listed = [...files.keys()].sort();
  const fileIndex =
    header('fileIndex') +
    listed
      .map(
        (path) =>
          `  <f><path>${path}</path><sha256>${sha256(files.get(path) as Buffer)}</sha256></f>\n`,
      )
      .join('') +
    '</fileIndex>\n';
  files.set('Indices/fileIndex.xml', Buffer.from(fileIndex, 'utf8'));
  const all = [...files.keys()].sort();
  const sums = all.map((path) => `${sha256(files.get(path) as Buffer)}  ${path}\n`).join('');
  files.set('checksums.sha256', Buffer.from(sums, 'utf8'));
  return { files, indexSha256: sha256(fileIndex) };
}

/**
 * Writes the package under `directory` (created; a half-written package lies under a `.partial`
 * name and is renamed only when every file is written).
 */
export async function writePackage(directory: string, files: PackageFiles): Promise<void> {
  const partial = `${directory}.partial`;
  for (const [path, data] of files) {
    const target = join(partial, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  await rename(partial, directory);
}

/** Checks a written package against its checksums file: the paths that do not match. */
export function verifyChecksums(files: PackageFiles): string[] {
  const sums = files.get('checksums.sha256')?.toString('utf8') ?? '';
  const bad: string[] = [];
  for (const line of sums.split('\n').filter(Boolean)) {
    const [hash, path] = line.split('  ') as [string, string];
    const data = files.get(path);
    if (!data || sha256(data) !== hash) bad.push(path);
  }
  return bad;
}
