import { constants, crc32, createDeflate } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** An empty final block with fixed codes: what zlib writes on finishing after a full flush. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const ADLER_BASE = 65521;

/**
 * One band of rows deflated on its own (libuv's thread pool), so that two bands are packed at
 * once on two cores, the way pigz does: each band is a zlib stream ended by a full flush, which
 * leaves its blocks byte-aligned and open, so the bands' blocks can follow each other in one
 * stream. Finishing the stream then adds an empty final block and the band's Adler-32, which is
 * kept, not written: the file's is combined from the bands'.
 */
export function deflateBand(band: Buffer, level: number): Promise<{ blocks: Buffer; adler: number; length: number }> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level, chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('error', reject);
    deflate.on('end', () => {
      const all = Buffer.concat(chunks);
      const tail = all.subarray(all.length - 6, all.length - 4);
      if (!tail.equals(FINAL_BLOCK)) return reject(new Error('zlib did not end the band with an empty final block'));
      resolve({ blocks: all.subarray(2, all.length - 6), adler: all.readUInt32BE(all.length - 4), length: band.length });
    });
    deflate.write(band);
    deflate.flush(constants.Z_FULL_FLUSH, () => deflate.end());
  });
}

/** The Adler-32 of two pieces of data one after the other, from theirs (zlib's adler32_combine). */
export function combineAdler(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return (sum1 | (sum2 << 16)) >>> 0;
}

/** A PNG (8-bit RGB) from bands deflated apart, in order. */
export class BandedPng {
  private readonly parts: Buffer[] = [SIGNATURE];
  private readonly blocks: Buffer[] = [Buffer.from([0x78, 0x01])];
  private adler = 1;

  readonly width: number;
  readonly height: number;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bits per channel
    header[9] = 2; // RGB (the map is opaque); compression 0, filter method 0, no interlace
    this.chunk('IHDR', header);
  }

  /** The next band, as `deflateBand` gave it. */
  add(band: { blocks: Buffer; adler: number; length: number }): void {
    this.blocks.push(band.blocks);
    this.adler = combineAdler(this.adler, band.adler, band.length);
  }

  finish(): Buffer {
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32BE(this.adler, 0);
    const stream = Buffer.concat([...this.blocks, FINAL_BLOCK, trailer]);
    // IDAT chunks of at most 8 MB; a reader takes them as one stream.
    for (let at = 0; at < stream.length; at += 8 * 1024 * 1024) this.chunk('IDAT', stream.subarray(at, at + 8 * 1024 * 1024));
    this.chunk('IEND', Buffer.alloc(0));
    return Buffer.concat(this.parts);
  }

  private chunk(type: string, data: Buffer): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
    this.parts.push(head, data, tail);
  }
}
