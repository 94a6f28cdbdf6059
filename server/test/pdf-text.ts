import { constants, inflateSync } from 'node:zlib';

/**
 * The text of a PDF as a reader's copy-and-paste would give it, for tests that look for words in
 * a document. pdfkit compresses page content (FlateDecode) and writes text as hex strings in `TJ`
 * arrays, split where it kerns; this inflates every stream, joins each `TJ`/`Tj` into one line,
 * and adds every string of the document's dictionaries (title, metadata) as well.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  let outside = raw;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const data = Buffer.from(m[1] ?? '', 'latin1');
    let content: string;
    try {
      // Sync flush: a stream whose last byte is a carriage return loses it to the `\r?\n` before
      // `endstream` above; the text is all there, only the checksum's last byte is missing.
      content = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    } catch {
      content = data.toString('latin1'); // not compressed (e.g. the XMP metadata)
    }
    outside = outside.replace(m[0], '');
    const ops = /(\[(?:[^\]\\]|\\.)*\])\s*TJ|(<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
    let found = false;
    for (let op = ops.exec(content); op; op = ops.exec(content)) {
      found = true;
      lines.push(strings(op[1] ?? op[2] ?? '').join(''));
    }
    if (!found) lines.push(content);
  }
  lines.push(...strings(outside));
  return lines.join('\n');
}

/** The PDF strings (`<hex>` and `(literal)`) in a piece of PDF syntax, decoded. */
function strings(syntax: string): string[] {
  const out: string[] = [];
  const re = /<([0-9a-fA-F\s]*)>|\(((?:[^)\\]|\\.)*)\)/g;
  for (let m = re.exec(syntax); m; m = re.exec(syntax)) {
    const bytes =
      m[1] !== undefined
        ? Buffer.from(m[1].replace(/\s/g, ''), 'hex')
        : Buffer.from(unescapeLiteral(m[2] ?? ''), 'latin1');
    out.push(decode(bytes));
  }
  return out;
}

function unescapeLiteral(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_all, e: string) => {
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return named[e] ?? e;
  });
}

/** UTF-16BE with a byte-order mark (metadata), else WinAnsi, which is Latin-1 for æ, ø and å. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}
