/**
 * The most pixels a PNG may have: one billion, so the 200-step map fits at 4× (818 million).
 * The PNG is drawn in bands (png.ts), so memory does not grow with the picture (three bands of
 * `PNG_BAND_BYTES`, where one buffer of the 4× of that map would be 2.4 GB); what grows is the
 * drawing time that one request holds an export slot for (bench/render/README.md) and the
 * compressed file, which is kept whole to be sent.
 */
export const MAX_PNG_PIXELS = 1_000_000_000;

/** The longest side of a PNG, in px: a band of `PNG_BAND_BYTES` still holds ten rows of it. */
export const MAX_PNG_SIDE = 262_144;

/**
 * The rows of a PNG painted at once take at most this many bytes (RGB, 8 MB: 32 rows of the 2×
 * big map). Small, so that a band is deflated while the next is painted from the first rows on.
 */
export const PNG_BAND_BYTES = 8 * 1024 * 1024;

/** An export that would be too large to make; the message says what to choose instead. */
export class ImageTooLargeError extends RangeError {}
