/** True when dist/ was built from the src/ there is now (always true without src/: a production image). */
export function isFresh(): boolean;
/** Compiles src/ into a clean dist/; false (after saying why on stderr) when it cannot. */
export function build(options?: { strict?: boolean }): boolean;
