// Limits keep one careless paste from making a map unusable for everybody in the room.
export const MAX_TITLE_LENGTH = 200;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_PICTURE_LENGTH = 300_000;
export const MIN_SCORE = -2;
export const MAX_SCORE = 2;
