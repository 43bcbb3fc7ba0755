/**
 * The editor's default port. A fixed port keeps the page's address, and with it the browser's local storage of
 * unsaved changes, the same from one `serve` to the next; when it is taken the next few are tried, then any free one.
 */
export const DEFAULT_EDITOR_PORT = 7130;

/** Ports tried after the default one before letting the system choose. */
export const EDITOR_PORT_TRIES = 10;
