import type { SyncStatus } from '#shared/api/calls/sync.ts';

/** The sync states in the words the badge and the Sync screen use. */
export const syncStateLabels: Readonly<Record<SyncStatus['state'], string>> = {
  standalone: 'Local only',
  connecting: 'Connecting',
  bootstrapping: 'Loading the clinic',
  online: 'Online',
  offline: 'Offline',
  error: 'Sync error',
  reenrol: 'Enrol again',
};

/** One sentence per state, for the Sync screen. */
export const syncStateSentences: Readonly<Record<SyncStatus['state'], string>> = {
  standalone: 'This workstation keeps its data to itself; no hub is connected.',
  connecting: 'Connected to a hub; the first exchange has not finished yet.',
  bootstrapping: 'Loading the clinic from the hub.',
  online: 'The hub is reachable and changes travel both ways.',
  offline: 'The hub cannot be reached. Work carries on here; changes wait and go up when it is back.',
  error: 'The hub refused the last exchange. It will try again; the error below says why.',
  reenrol: 'The hub no longer accepts this workstation; an administrator must enrol it again.',
};

export const syncStateColors: Readonly<Record<SyncStatus['state'], string>> = {
  standalone: 'gray',
  connecting: 'blue',
  bootstrapping: 'blue',
  online: 'green',
  offline: 'orange',
  error: 'red',
  reenrol: 'red',
};

export function changesWaiting(count: number): string {
  if (count === 0) return 'all changes sent';
  return `${String(count)} change${count === 1 ? '' : 's'} waiting`;
}

/** Conflicts and refused changes a person must look at. */
export function attentionCount(status: SyncStatus): number {
  return status.openConflicts + status.rejections;
}

export function attentionText(status: SyncStatus): string {
  const parts: string[] = [];
  if (status.openConflicts > 0) parts.push(`${String(status.openConflicts)} conflict${status.openConflicts === 1 ? '' : 's'}`);
  if (status.rejections > 0) parts.push(`${String(status.rejections)} refused change${status.rejections === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** What the last comparison with the hub found, in words. */
export function comparisonText(check: SyncStatus['lastCheck'], when: (iso: string) => string): string {
  if (check === null) return 'Not yet';
  if (check.equal) return `Equal, ${when(check.at)}`;
  const parts: string[] = [];
  if (check.rowsMended > 0) parts.push(`${String(check.rowsMended)} row${check.rowsMended === 1 ? '' : 's'} set right from the hub`);
  if (check.rowsResent > 0) parts.push(`${String(check.rowsResent)} sent again`);
  return `${when(check.at)}: ${parts.length === 0 ? 'differences found' : parts.join(', ')}`;
}
