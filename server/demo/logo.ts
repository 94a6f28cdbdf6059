import type { Kysely } from 'kysely';
import { crc32, deflateSync } from 'node:zlib';
import type { DB } from '../platform/db/schema.ts';

/**
 * The demo municipalities' logo: a fictional emblem drawn here (a blue disc with a white wave
 * over a green band), so the documents of `npm start` show a logo in the letterhead without any
 * real municipality's arms. Also the logo the tests upload.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGB) of `width` × `height` whose pixel colour `paint` decides. */
export function drawPng(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    const row = y * (1 + width * 3); // each row starts with filter type 0
    for (let x = 0; x < width; x += 1) rows.set(paint(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const WHITE: [number, number, number] = [255, 255, 255];
const BLUE: [number, number, number] = [0, 73, 147];
const GREEN: [number, number, number] = [46, 125, 50];

/** The demo emblem, 96 × 96 pixels. */
export function demoLogo(): Buffer {
  const size = 96;
  const centre = size / 2;
  return drawPng(size, size, (x, y) => {
    const inDisc = (x - centre) ** 2 + (y - centre) ** 2 <= (centre - 2) ** 2;
    if (!inDisc) return WHITE;
    const wave = centre + 6 * Math.sin((x / size) * Math.PI * 3);
    if (Math.abs(y - wave) < 4) return WHITE;
    return y > wave ? GREEN : BLUE;
  });
}

/** Demo Kommune's logo, unless it already has one (or the administrator removed it). */
export async function seedDemoLogo(db: Kysely<DB>, municipalityCode: string): Promise<void> {
  await db
    .insertInto('municipality_logos')
    .values({ municipality_code: municipalityCode, image: demoLogo(), media_type: 'image/png' })
    .onConflict((oc) => oc.column('municipality_code').doNothing())
    .execute();
}
