import { main } from './run.ts';

// `npm run case -- …`: the command line's entry point (tests call `main` in their own process).
process.exitCode = main(process.argv.slice(2));
