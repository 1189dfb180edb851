import { config } from 'zod';

/**
 * Zod checks whether it may compile validators with `new Function` as soon as a schema is defined; the site's
 * Content-Security-Policy forbids eval, so the check only logs a violation. Tell zod not to try: it validates
 * with its interpreter, as it would anyway under the policy. Imported first by main.ts, before any schema exists.
 */
config({ jitless: true });
