/**
 * The most pixels a PNG may have: one billion, so the 200-step map fits at 4× (818 million).
 * The PNG is drawn in bands (png.ts), so memory does not grow with the picture (the 4× of that
 * map peaks at about 500 MB of the process, where one buffer would be 3.2 GB); what grows is the
 * drawing time that one request holds an export slot for (bench/render/README.md) and the
 * compressed file, which is kept whole to be sent.
 */
export const MAX_PNG_PIXELS = 1_000_000_000;

/** The longest side of a PNG, in px: a band of at least 64 rows must fit `PNG_BAND_BYTES`. */
export const MAX_PNG_SIDE = 262_144;

/** The rows of a PNG drawn at once take at most this many bytes (RGBA, 64 MB). */
export const PNG_BAND_BYTES = 64 * 1024 * 1024;

/** An export that would be too large to make; the message says what to choose instead. */
export class ImageTooLargeError extends RangeError {}
