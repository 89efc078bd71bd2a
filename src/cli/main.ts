/** Entry point of `npm run spaser -- calculer …`; the logic is in `run.ts`. */
import { runCli } from './run';

// `npm run` moves to the package folder; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Erreur inattendue : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
