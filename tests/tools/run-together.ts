import { spawn } from 'node:child_process';

// `tsx tests/tools/run-together.ts typecheck lint build`: npm scripts that do not depend on each
// other, run at once. Each is single-threaded, so on a two-core CI machine together they take the
// time of the longest; the output of each is kept whole and printed when it ends.

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('Name the npm scripts to run together.\n');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      process.stdout.write(`== npm run ${script}: ${code === 0 ? 'passed' : `failed (${String(code)})`}\n${output}`);
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.every((code) => code === 0) ? 0 : 1);
