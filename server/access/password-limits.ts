/**
 * The length limits of a password, apart from the hashing in ./passwords.ts so that request
 * schemas (and the web app's forms, which check with the same schemas) can name them without
 * loading Argon2.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
