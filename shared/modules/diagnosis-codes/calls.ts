import { z } from 'zod';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { icdEditions } from './code-format.ts';

export const diagnosisCodeSchema = z.object({ code: z.string(), title: z.string(), billable: z.boolean() });
export type DiagnosisCode = z.infer<typeof diagnosisCodeSchema>;

export const codeSetSchema = z.object({
  edition: z.enum(icdEditions),
  version: z.string(),
  /** STARTER: the common outpatient codes shipped with the app; IMPORT: a file an administrator loaded. */
  source: z.enum(['STARTER', 'IMPORT']),
  fileName: z.string(),
  codeCount: z.number(),
  loadedAt: z.string(),
});
export type CodeSet = z.infer<typeof codeSetSchema>;

/** A part of an uploaded file stays under the web host's 1 MB request limit even if every character takes three bytes. */
export const IMPORT_PART_MAX_CHARS = 250_000;
export const SEARCH_LIMIT_MAX = 50;

// Codes are reference data, not a patient's: everyone who may see a diagnosis may look one up.
const codeReaders = rolesAccess('ADMIN', 'DOCTOR', 'STAFF', 'PHARMACIST');
const codeAdministrators = rolesAccess('ADMIN');
const importIdSchema = z.uuid({ error: 'That import is not known; start the import again' });

export const diagnosisCodeCalls = {
  /** Words of the title (prefixes, any order) or a code with or without its dot. */
  'diagnosisCodes.search': defineCall({
    access: codeReaders,
    effect: 'read',
    input: z
      .object({
        query: z.string({ error: 'Type a code or words of a diagnosis' }).max(200, { error: 'The search is at most 200 characters' }),
        limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(diagnosisCodeSchema) }),
  }),
  /** The code set this workstation holds; null before any is loaded. */
  'diagnosisCodes.codeSet': defineCall({
    access: codeReaders,
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ codeSet: codeSetSchema.nullable() }),
  }),
  /**
   * A file is uploaded in parts (a full code set is larger than one request may be): start, each
   * part in order, then finish, which replaces the code set in one transaction. Parts are only
   * held in memory until then, so an abandoned import leaves nothing behind.
   */
  'diagnosisCodes.importStart': defineCall({
    access: codeAdministrators,
    effect: 'read',
    input: z
      .object({
        fileName: z.string().trim().min(1, { error: 'Choose a file' }).max(200, { error: 'The file name is at most 200 characters' }),
        edition: z.enum(icdEditions, { error: 'Choose the edition: ICD-10-CM or WHO ICD-10' }),
        version: z.string().trim().min(1, { error: 'Version is required (the year of the release, say)' }).max(20, { error: 'Version must be at most 20 characters' }),
      })
      .strict(),
    output: z.object({ importId: z.string() }),
  }),
  'diagnosisCodes.importPart': defineCall({
    access: codeAdministrators,
    effect: 'read',
    input: z
      .object({
        importId: importIdSchema,
        /** Whole lines of the file, in order. */
        text: z.string().max(IMPORT_PART_MAX_CHARS, { error: `A part of the file is at most ${IMPORT_PART_MAX_CHARS} characters` }),
      })
      .strict(),
    output: z.object({ linesRead: z.number(), codesRead: z.number() }),
  }),
  'diagnosisCodes.importFinish': defineCall({
    access: codeAdministrators,
    effect: 'write',
    input: z.object({ importId: importIdSchema }).strict(),
    output: z.object({ codeSet: codeSetSchema }),
  }),
};
