import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repositoryRoot } from '#core/platform/paths.ts';

export type StartedProcess = {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  readonly stop: () => Promise<number | null>;
};

const READY = /(?:ready at|Open) (http:\/\/127\.0\.0\.1:\d+)/;

/** The command package.json gives an npm script, split into program and arguments. */
function scriptCommand(script: string): string[] {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const command = manifest.scripts[script];
  if (command === undefined || /[&|;<>$]/.test(command)) throw new Error(`npm script ${script} is not a single command`);
  return command.split(' ');
}

/**
 * Runs an npm script's own command, exactly as `npm run` would, and waits for its "ready at URL"
 * line. Spawning the command rather than npm lets the test see the server's own exit code.
 */
export function startNpmScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<StartedProcess> {
  const [program = '', ...scriptArgs] = scriptCommand(script);
  const child = spawn(program, [...scriptArgs, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, PATH: `${join(repositoryRoot, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`, CLINIC_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`));
    });
  });
}
