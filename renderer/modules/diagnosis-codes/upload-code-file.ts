import type { CodeSet } from '#shared/modules/diagnosis-codes/calls.ts';
import { partEnd } from '#shared/modules/diagnosis-codes/file-parts.ts';
import type { IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import { api } from '../../api/api.ts';

export type UploadProgress = { readonly sentChars: number; readonly totalChars: number; readonly linesRead: number };

/**
 * Sends a code file in parts as the import calls take it, reporting after each part; the core
 * reads each part as it comes, so a bad line stops the upload there, and nothing is kept of it.
 */
export async function uploadCodeFile(text: string, file: { fileName: string; edition: IcdEdition; version: string }, onProgress: (progress: UploadProgress) => void): Promise<CodeSet> {
  const { importId } = await api.call('diagnosisCodes.importStart', file);
  for (let at = 0; at < text.length; ) {
    const end = partEnd(text, at);
    const { linesRead } = await api.call('diagnosisCodes.importPart', { importId, text: text.slice(at, end) });
    onProgress({ sentChars: end, totalChars: text.length, linesRead });
    at = end;
  }
  const { codeSet } = await api.call('diagnosisCodes.importFinish', { importId });
  return codeSet;
}
