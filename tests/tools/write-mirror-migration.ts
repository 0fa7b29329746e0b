import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '#core/platform/paths.ts';
import { registerSharedModules } from '#shared/modules/registry.ts';
import { mirrorDdl } from './mirror-ddl.ts';

// Writes the hub's first mirror migration from the workstation schema. Run once; afterwards the
// mirror changes by new migrations, and tests/sync/hub-schema.test.ts keeps the two in step.
// Usage: npx tsx tests/tools/write-mirror-migration.ts
const header = `-- Mirrors of the workstations' replicated tables: the same columns (integers and booleans as
-- bigint, as the workstations store them), all nullable but the key, and each row's per-column
-- clocks. No foreign keys: the workstations keep integrity; the hub keeps everything it is sent.
`;
registerSharedModules();
writeFileSync(join(repositoryRoot, 'migrations', 'postgres', '0001_mirror.sql'), `${header}\n${mirrorDdl()}\n`);
