import type { LogFacts } from './logger.ts';

export type LogFormat = 'text' | 'json';

/**
 * JSON when asked (CLINIC_LOG_FORMAT=json) or when the log goes to a file or another program,
 * which parse it; a readable line when a person watches a terminal.
 */
export function configuredLogFormat(env: NodeJS.ProcessEnv, toTerminal: boolean): LogFormat {
  const asked = env['CLINIC_LOG_FORMAT'];
  if (asked === 'json' || asked === 'text') return asked;
  return toTerminal ? 'text' : 'json';
}

export type LogEntry = { readonly time: Date; readonly level: string; readonly module: string; readonly message: string; readonly facts?: LogFacts | undefined };

export function formatLogLine(entry: LogEntry, format: LogFormat): string {
  if (format === 'json') return JSON.stringify({ time: entry.time.toISOString(), level: entry.level, module: entry.module, message: entry.message, ...entry.facts });
  const facts = Object.entries(entry.facts ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`);
  const clock = entry.time.toTimeString().slice(0, 8);
  return [`${clock} ${entry.level === 'info' ? '' : `${entry.level.toUpperCase()} `}[${entry.module}] ${entry.message}`, ...facts].join(' ');
}
