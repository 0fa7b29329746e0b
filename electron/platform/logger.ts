// One small logger for the whole core. It takes a message and a few named facts (ids, codes,
// counts); callers never pass a patient's data or a secret, and the console is never used.

import { configuredLogFormat, formatLogLine } from './log-line.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const levelRank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export type LogFacts = Readonly<Record<string, string | number | boolean | null | undefined>>;

export type Logger = {
  readonly debug: (message: string, facts?: LogFacts) => void;
  readonly info: (message: string, facts?: LogFacts) => void;
  readonly warn: (message: string, facts?: LogFacts) => void;
  readonly error: (message: string, facts?: LogFacts) => void;
};

function configuredLevel(): Level {
  const value = process.env['CLINIC_LOG_LEVEL'];
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : 'info';
}

export function createLogger(module: string): Logger {
  const write = (level: Level, message: string, facts?: LogFacts): void => {
    if (levelRank[level] < levelRank[configuredLevel()]) return;
    const line = formatLogLine({ time: new Date(), level, module, message, facts }, configuredLogFormat(process.env, process.stderr.isTTY));
    process.stderr.write(`${line}\n`);
  };
  return {
    debug: (message, facts) => write('debug', message, facts),
    info: (message, facts) => write('info', message, facts),
    warn: (message, facts) => write('warn', message, facts),
    error: (message, facts) => write('error', message, facts),
  };
}

/** An error's kind and code without its message, which may quote the data that caused it. */
export function describeError(error: unknown): LogFacts {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { errorName: error.name, errorCode: typeof code === 'string' ? code : undefined, stack: error.stack?.split('\n').slice(1, 4).join(' | ') };
  }
  return { errorName: typeof error };
}
