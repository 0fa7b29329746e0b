import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '#core/platform/paths.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';

/** `npm run hub` serving on a fixed port and data folder. */
export function startHubProcess(port: number, dataDir: string): Promise<StartedProcess> {
  // The embedded hub in its folder, even where DATABASE_URL points CI's PostgreSQL at other tests.
  return startNpmScript('hub', ['serve', '--port', String(port), '--data-dir', dataDir], { DATABASE_URL: '' });
}

/** The hub operator's command for a clinic's first workstation, as in the handbook; returns the code. */
export async function enrolmentCodeFromCli(dataDir: string, clinicCode: string): Promise<string> {
  const { stdout } = await promisify(execFile)(join(repositoryRoot, 'node_modules', '.bin', 'tsx'), ['hub/main.ts', 'enrol-code', '--clinic-code', clinicCode, '--data-dir', dataDir], {
    cwd: repositoryRoot,
    env: { ...process.env, CLINIC_LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });
  const match = /Enrolment code for clinic [A-Z0-9]+: (\S+)/.exec(stdout);
  if (match?.[1] === undefined) throw new Error(`no enrolment code in: ${stdout}`);
  return match[1];
}
