// npm test: the static checks (types, lint, formatting) and the test suite, side by side. The browser tests leave
// the machine's cores idle while pages load and clocks run; the checks use that time instead of running first.
// Vitest's output streams as it comes; each check's is printed whole when it ends. Exits non-zero if anything failed.
// Arguments go to vitest (`npm test -- tests/engine`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const bin = (name: string) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);

interface Job {
  name: string;
  command: string;
  args: string[];
  /** Print as it comes (vitest), or keep and print when done (a check). */
  stream: boolean;
}

const JOBS: Job[] = [
  { name: 'tsc -p .', command: bin('tsc'), args: ['-p', '.'], stream: false },
  { name: 'eslint .', command: bin('eslint'), args: ['.'], stream: false },
  { name: 'prettier --check .', command: bin('prettier'), args: ['--check', '.'], stream: false },
  { name: 'vitest run', command: bin('vitest'), args: ['run', ...process.argv.slice(2)], stream: true },
];

function run(job: Job): Promise<{ job: Job; code: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(job.command, job.args, {
      stdio: job.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (!job.stream) {
        const verdict = code === 0 ? 'passed' : 'FAILED';
        process.stdout.write(
          `\n── ${job.name}: ${verdict} in ${seconds.toFixed(0)} s\n${code === 0 ? '' : output}`,
        );
      }
      resolve({ job, code: code ?? 1, seconds });
    });
  });
}

const results = await Promise.all(JOBS.map(run));
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(
  `\n${results.map((r) => `${r.job.name} ${r.code === 0 ? 'passed' : 'FAILED'} (${r.seconds.toFixed(0)} s)`).join(' · ')}\n`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
