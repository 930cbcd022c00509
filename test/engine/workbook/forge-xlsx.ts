// Hostile and hand-made .xlsx files for tests and the bench, built from their parts in memory (or
// streamed to disk for the large ones), never committed as binaries.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { unzipParts } from '../../fuzz/zip-parts.js';

/**
 * One part of a zip file; `declaredSize` overrides the size the headers state (a lying entry, or
 * one of 4 GB and more, stated in a ZIP64 extra field); `packed` gives the deflated data as it is
 * (with `crc`, 0 if not given), for a part too large to hold unpacked.
 */
export interface ZipPart {
  readonly name: string;
  readonly data: Buffer;
  readonly declaredSize?: number;
  readonly stored?: boolean;
  readonly packed?: Buffer;
  readonly crc?: number;
}

/** A piece of a part's content: `data` repeated `times` (1 if not given). */
export interface RepeatedPiece {
  readonly data: Buffer | string;
  readonly times?: number;
}

/**
 * Raw deflate data that inflates to the pieces one after another, each repeated, made without ever
 * holding them: a piece's data repeated to about 1 MiB is deflated once as a fully flushed
 * (self-contained) block, and that block repeated; a last empty block ends the stream. A part of
 * 4.7 GB of one byte takes 4.6 MB. Gives the data and the size it inflates to.
 */
export function deflatedPieces(pieces: readonly RepeatedPiece[]): { packed: Buffer; size: number } {
  const mebibyte = 1 << 20;
  const blocks: Buffer[] = [];
  let size = 0;
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  for (const piece of pieces) {
    const data = Buffer.isBuffer(piece.data) ? piece.data : Buffer.from(piece.data, 'utf8');
    const times = piece.times ?? 1;
    size += data.length * times;
    // Whole copies per block, so the blocks repeat the piece exactly.
    const perBlock = Math.max(1, Math.min(times, Math.floor(mebibyte / Math.max(1, data.length))));
    const full = Math.floor(times / perBlock);
    if (full > 0) {
      const block = flushed(Buffer.concat(Array<Buffer>(perBlock).fill(data)));
      for (let i = 0; i < full; i++) blocks.push(block);
    }
    const rest = times - full * perBlock;
    if (rest > 0) blocks.push(flushed(Buffer.concat(Array<Buffer>(rest).fill(data))));
  }
  blocks.push(deflateRawSync(Buffer.alloc(0)));
  return { packed: Buffer.concat(blocks), size };
}

/** Raw deflate data that inflates to `size` copies of `byte` (see `deflatedPieces`). */
export function deflatedRepeat(size: number, byte = 0x20): Buffer {
  const mebibyte = 1 << 20;
  const blocks = Math.floor(size / mebibyte);
  return deflatedPieces([
    { data: Buffer.alloc(mebibyte, byte), times: blocks },
    { data: Buffer.alloc(size - blocks * mebibyte, byte) },
  ]).packed;
}

function localHeader(name: Buffer, method: number, crc: number, packed: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(packed, 18);
  header.writeUInt32LE(Math.min(size, 0xffffffff), 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralEntry(name: Buffer, method: number, crc: number, packed: number, size: number, offset: number): Buffer {
  // A size of 4 GB or more is stated in a ZIP64 extra field, the entry's field saying so.
  const zip64 = size >= 0xffffffff;
  const extra = Buffer.alloc(zip64 ? 12 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
  }
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(0x0800, 8);
  entry.writeUInt16LE(method, 10);
  entry.writeUInt32LE(crc >>> 0, 16);
  entry.writeUInt32LE(packed, 20);
  entry.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
  entry.writeUInt16LE(name.length, 28);
  entry.writeUInt16LE(extra.length, 30);
  entry.writeUInt32LE(offset, 42);
  return Buffer.concat([entry, name, extra]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** A zip file of the parts, deflated (or stored), sizes as declared. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = part.packed ?? (part.stored ? part.data : deflateRawSync(part.data));
    const method = part.stored && part.packed === undefined ? 0 : 8;
    const crc = part.packed === undefined ? crc32(part.data) : (part.crc ?? 0);
    const size = part.declaredSize ?? part.data.length;
    const local = localHeader(name, method, crc, packed.length, size);
    central.push(centralEntry(name, method, crc, packed.length, size, offset));
    chunks.push(local, packed);
    offset += local.length + packed.length;
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...chunks, directory, endOfCentralDirectory(parts.length, directory.length, offset)]);
}

/** The parts of a zip file (as `writeZip` and exceljs write them): the fuzz suite's reader. */
export const readZip = unzipParts;

/** A zip file's parts with some replaced or added (by name), in the original order, new ones last. */
export function replaceParts(zip: Buffer, changes: Record<string, string | Buffer>): Buffer {
  const parts = readZip(zip);
  for (const [name, data] of Object.entries(changes)) parts.set(name, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  return writeZip([...parts].map(([name, data]) => ({ name, data })));
}

/**
 * Writes a zip file whose one part `name` unpacks to `size` bytes made by `chunk(i)` (streamed:
 * the bench's bomb of 1 GB never sits in memory), behind the `prefix` parts; `declaredSize`
 * overrides the size the headers state.
 */
export async function writeBombFile(
  path: string,
  options: { prefix: readonly ZipPart[]; name: string; size: number; chunk: (index: number) => Buffer; declaredSize?: number },
): Promise<void> {
  const head = writeZip(options.prefix);
  const endAt = head.length - 22;
  const directoryAt = head.readUInt32LE(endAt + 16);
  const prefixDirectory = head.subarray(directoryAt, endAt);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head, 0, directoryAt, 0);
    const name = Buffer.from(options.name, 'utf8');
    const placeholder = localHeader(name, 8, 0, 0, 0);
    writeSync(fd, placeholder, 0, placeholder.length, directoryAt);
    let position = directoryAt + placeholder.length;
    let crc = 0;
    let packed = 0;
    const deflate = createDeflateRaw({ level: 9 });
    deflate.on('data', (data: Buffer) => {
      writeSync(fd, data, 0, data.length, position);
      position += data.length;
      packed += data.length;
    });
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let written = 0;
    for (let i = 0; written < options.size; i++) {
      const piece = options.chunk(i).subarray(0, options.size - written);
      crc = crc32(piece, crc);
      written += piece.length;
      if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await done;
    const declared = options.declaredSize ?? Math.min(options.size, 0xffffffff);
    const header = localHeader(name, 8, crc, packed, declared);
    writeSync(fd, header, 0, header.length, directoryAt);
    const entry = centralEntry(name, 8, crc, packed, declared, directoryAt);
    const directory = Buffer.concat([prefixDirectory, entry]);
    const end = endOfCentralDirectory(options.prefix.length + 1, directory.length, position);
    writeSync(fd, Buffer.concat([directory, end]), 0, directory.length + end.length, position);
  } finally {
    closeSync(fd);
  }
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** The parts of a workbook with one sheet `sheet` (its XML body streamed separately, e.g. by `writeBombFile`). */
export function oneSheetParts(sheet: string): ZipPart[] {
  const text = (name: string, xml: string): ZipPart => ({ name, data: Buffer.from(xml, 'utf8') });
  return [
    text('[Content_Types].xml', CONTENT_TYPES),
    text('_rels/.rels', ROOT_RELS),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

/** A workbook with one sheet `sheet` whose XML is `body` (wrapped in `<worksheet><sheetData>…`). */
export function oneSheetWorkbook(sheet: string, rowsXml: string): Buffer {
  return writeZip([...oneSheetParts(sheet), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml(rowsXml), 'utf8') }]);
}

/** A worksheet's XML around its rows. */
export function sheetXml(rowsXml: string, dimension?: string): string {
  const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${rowsXml}</sheetData></worksheet>`;
}
