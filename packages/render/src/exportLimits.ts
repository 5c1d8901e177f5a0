/**
 * The most pixels a PNG may have: 100 million (400 MB while drawn). A 4× picture of a
 * 200-step map would be 800 million, enough to take the server's memory from one request.
 */
export const MAX_PNG_PIXELS = 100_000_000;

/** An export that would be too large to make; the message says what to choose instead. */
export class ImageTooLargeError extends RangeError {}
