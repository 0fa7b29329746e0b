import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { repositoryRoot } from '#core/platform/paths.ts';

const rendererRoot = join(repositoryRoot, 'renderer');

/**
 * Shown only while a new workstation downloads its clinic from a hub; its check would need a
 * hub and a join. Named here so leaving it out is a decision, not an oversight.
 */
const NOT_CHECKED = new Set(['screen JoiningScreen']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function withoutExtension(path: string): string {
  return path.replace(/\.tsx?$/, '');
}

/**
 * Everything the renderer can show, read from its sources: each module's tabs and record pages
 * (`section: '…', tab: '…'` in its module file), its header widgets, every component that opens a
 * Mantine Modal, the shell's screens and the waiting-room board. The accessibility test checks
 * each one; a new one without a check fails it.
 */
export function screensToCheck(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(rendererRoot, 'modules'))) {
    const text = readFileSync(file, 'utf8');
    const module = relative(join(rendererRoot, 'modules'), file).split('/')[0] ?? '';
    if (/^module\.tsx?$/.test(basename(file))) {
      for (const match of text.matchAll(/section: '(\w+)', tab: '(\w+)'/g)) keys.add(`tab ${match[1] ?? ''}/${match[2] ?? ''}`);
      for (const match of text.matchAll(/headerWidget: (\w+)/g)) keys.add(`widget ${module}/${match[1] ?? ''}`);
    }
    if (text.includes('<Modal')) keys.add(`dialog ${withoutExtension(relative(join(rendererRoot, 'modules'), file))}`);
  }
  for (const file of sourceFiles(join(rendererRoot, 'screens'))) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('<Modal')) keys.add(`dialog ${withoutExtension(basename(file))}`);
    else if (/Screen\.tsx$/.test(file)) keys.add(`screen ${withoutExtension(basename(file))}`);
  }
  keys.add('screen DisplayBoard');
  return [...keys].filter((key) => !NOT_CHECKED.has(key)).sort();
}
