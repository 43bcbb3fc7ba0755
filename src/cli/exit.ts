/** Exit codes of the CLI and its usage error (a small module, so that --help and usage errors load nothing else). */

/** Exit codes: 0 success, 1 invalid report or failed render, 2 warnings under --strict, 3 unreadable input, 4 unwritable output, 64 usage. */
export const EXIT = { ok: 0, invalid: 1, warnings: 2, input: 3, output: 4, usage: 64 } as const;

/** A usage mistake on the command line. */
export class UsageError extends Error {}

/** How many warnings `render` prints without --verbose. */
export const WARNINGS_SHOWN = 3;
