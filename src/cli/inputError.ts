/** A problem with an input file (missing, unreadable, too large, not UTF-8, not JSON or YAML): exit code 3. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
