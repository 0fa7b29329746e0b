import { describe, expect, it } from 'vitest';
import { configuredLogFormat, formatLogLine } from '#core/platform/log-line.ts';

const entry = { time: new Date(2026, 11, 7, 9, 5, 3), level: 'warn', module: 'sync', message: 'hub unreachable', facts: { attempts: 3, reason: 'timed out', skipped: undefined } };

describe('log lines', () => {
  it('are readable on a terminal and JSON when piped, unless asked otherwise', () => {
    expect(configuredLogFormat({}, true)).toBe('text');
    expect(configuredLogFormat({}, false)).toBe('json');
    expect(configuredLogFormat({ CLINIC_LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(configuredLogFormat({ CLINIC_LOG_FORMAT: 'text' }, false)).toBe('text');
    expect(configuredLogFormat({ CLINIC_LOG_FORMAT: 'yaml' }, false)).toBe('json');
  });

  it('read as one line for a person: time, level when not info, module, message, facts', () => {
    expect(formatLogLine(entry, 'text')).toBe('09:05:03 WARN [sync] hub unreachable attempts=3 reason="timed out"');
    expect(formatLogLine({ ...entry, level: 'info', facts: undefined }, 'text')).toBe('09:05:03 [sync] hub unreachable');
  });

  it('keep every fact as a field of a JSON record for a program', () => {
    expect(JSON.parse(formatLogLine(entry, 'json'))).toEqual({ time: entry.time.toISOString(), level: 'warn', module: 'sync', message: 'hub unreachable', attempts: 3, reason: 'timed out' });
  });
});
