/**
 * How long an internal note may be. Its own module, free of zod, so the content script (whose
 * size is budgeted) can bound its text box without carrying the schemas.
 */
export const MAX_NOTE_LENGTH = 2000;
