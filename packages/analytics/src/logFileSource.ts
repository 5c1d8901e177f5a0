import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import type { ReadProgress } from './eventLogTypes.ts';

const CHUNK_BYTES = 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];

export async function readFileHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * A gzip file that unpacks to more than this many times its size is refused as it streams (a
 * 1 MB file of 1 GiB cost 12–28 s of CPU before it was refused). Real XES.gz logs unpack about
 * 20 times (BPIC 2012: 3.3 MB to 74 MB); the first 64 MB are never refused.
 */
export const MAX_GZIP_RATIO = 200;
const GZIP_RATIO_FREE_BYTES = 64 * 1024 * 1024;

export class GzipBombError extends Error {}

export interface TextChunkOptions {
  encoding: string;
  gunzip?: boolean;
  onProgress?: (progress: ReadProgress) => void;
}

/**
 * Streams a file as decoded text. Progress counts bytes of the file itself (compressed bytes for
 * gzip), because that is what the caller can compare with the file size. UTF-8 is decoded fatally
 * so that a Windows-1252 file that slipped past detection fails loudly instead of filling the log
 * with U+FFFD; the caller turns that into an error that names the line.
 */
export async function* readTextChunks(file: string, options: TextChunkOptions): AsyncGenerator<string> {
  const totalBytes = (await stat(file)).size;
  const source = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let bytesRead = 0;
  source.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  let stream: Readable = source;
  if (options.gunzip === true) {
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    source.on('error', (error) => gunzip.destroy(error));
    stream = source.pipe(gunzip);
  }
  const decoder = new TextDecoder(options.encoding, { fatal: options.encoding === 'utf-8' });
  let unpacked = 0;
  try {
    for await (const chunk of stream) {
      unpacked += (chunk as Buffer).length;
      if (options.gunzip === true && unpacked > GZIP_RATIO_FREE_BYTES && unpacked > MAX_GZIP_RATIO * Math.max(bytesRead, 1)) {
        throw new GzipBombError(`it unpacks to more than ${MAX_GZIP_RATIO} times its size (${Math.round(unpacked / 1024 ** 2)} MB from ${Math.max(1, Math.round(bytesRead / 1024 ** 2))} MB so far): refused as damaged or a zip bomb`);
      }
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch (error) {
        // Hand over the valid lines before the bad byte, so that the reader names the right line.
        const valid = (chunk as Buffer).subarray(0, firstInvalidUtf8Byte(chunk as Buffer));
        yield new TextDecoder('utf-8').decode(valid);
        throw error;
      }
      options.onProgress?.({ bytesRead, totalBytes });
      if (text.length > 0) yield text;
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  } finally {
    // Early exit (a preview that has seen enough, a refused import) must not leave the file open.
    source.destroy();
    stream.destroy();
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence, or the length. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  // Every byte read below is checked against the length first.
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length) return index;
      if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return bytes.length;
}

/** True for the error a fatal UTF-8 TextDecoder throws on bytes that are not UTF-8. */
export function isInvalidTextError(error: unknown): boolean {
  return error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

/**
 * Writes `file`, in `encoding`, to `target` as UTF-8 without a byte order mark, line for line (no
 * newline is added or lost, so line numbers stay those of the source). `onProgress` gets the
 * bytes of the source read so far.
 */
export async function transcodeToUtf8(file: string, target: string, encoding: string, onProgress?: (bytesRead: number) => void): Promise<void> {
  const output = createWriteStream(target);
  try {
    for await (const text of readTextChunks(file, { encoding, onProgress: onProgress && (({ bytesRead }) => onProgress(bytesRead)) })) {
      if (!output.write(text)) await new Promise<void>((resolve) => output.once('drain', resolve));
    }
  } finally {
    output.end();
    await finished(output);
  }
}

/**
 * Unpacks a gzip file to `target` as it is, refusing one that unpacks to more than MAX_GZIP_RATIO
 * times its size beyond the first 64 MB (a GzipBombError), as readTextChunks does.
 */
export async function gunzipToFile(file: string, target: string): Promise<void> {
  let packed = 0;
  let unpacked = 0;
  const source = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  source.on('data', (chunk) => {
    packed += chunk.length;
  });
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      if (unpacked > GZIP_RATIO_FREE_BYTES && unpacked > MAX_GZIP_RATIO * Math.max(packed, 1)) {
        done(new GzipBombError(`it unpacks to more than ${MAX_GZIP_RATIO} times its size (${Math.round(unpacked / 1024 ** 2)} MB from ${Math.max(1, Math.round(packed / 1024 ** 2))} MB so far): refused as damaged or a zip bomb`));
        return;
      }
      done(null, chunk);
    },
  });
  await pipeline(source, createGunzip({ chunkSize: CHUNK_BYTES }), guard, createWriteStream(target));
}
