import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { starterCodes } from '#core/modules/diagnosis-codes/starter-list.ts';
import { repositoryRoot } from '#core/platform/paths.ts';
import { codesFile, orderFile } from '#tests/support/icd10-files.ts';

// `npx tsx tests/tools/write-icd10-fixtures.ts`: the sample tabular files of tests/fixtures/icd10,
// written from the starter list's real codes in the CMS files' exact shapes.
const dir = join(repositoryRoot, 'tests', 'fixtures', 'icd10');
const codes = starterCodes().sort((a, b) => (a.code.replace('.', '') < b.code.replace('.', '') ? -1 : 1));
writeFileSync(join(dir, 'icd10cm_order_2025.txt'), orderFile(codes));
writeFileSync(join(dir, 'icd10cm_codes_2025.txt'), codesFile(codes));
