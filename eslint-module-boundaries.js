import { dirname, join, normalize, relative } from 'node:path';

// Module boundaries the layer rules cannot express, since they depend on where an import lands
// rather than how it is spelt (see ARCHITECTURE.md): a module reaches another module only through
// that module's index.ts, and domain code never imports the API layer. One exception: a module's
// drizzle tables (a file named *tables.ts) may name another module's tables file, since a foreign
// key is declared on the table itself and drizzle-kit reads the tables without the services.

const root = import.meta.dirname;
const aliases = { '#shared/': 'shared/', '#core/': 'electron/', '#hub/': 'hub/', '#renderer/': 'renderer/', '#tests/': 'tests/' };

/** The repository path an import lands on, or null for a package. */
function landing(fromFile, specifier) {
  for (const [alias, folder] of Object.entries(aliases)) if (specifier.startsWith(alias)) return folder + specifier.slice(alias.length);
  if (specifier.startsWith('./') || specifier.startsWith('../')) return normalize(join(dirname(fromFile), specifier));
  return null;
}

/** The module a file belongs to: {layer}/modules/{name}/…, or null for the core of a layer. */
function moduleOf(file) {
  const match = /^(shared|electron|renderer)\/modules\/([^/]+)\//.exec(file);
  return match === null ? null : { layer: match[1], name: match[2] };
}

/** A module's drizzle tables: the schema registry (electron/db/schema/index.ts) lists them. */
function isTablesFile(file) {
  return /^electron\/modules\/[^/]+\/([a-z-]+-)?tables\.ts$/.test(file);
}

/** The API layer: the dispatcher and its handlers, a module's handlers, resolvers and its definition for the registry. */
function isApiLayer(file) {
  return file.startsWith('electron/api/') || /^electron\/modules\/[^/]+\/(handlers|conflict-resolvers|module)\.ts$/.test(file) || /^electron\/modules\/(registry|define)\.ts$/.test(file);
}

/** Domain code: a module's services and rows, and the core's domain folders. */
function isDomain(file) {
  if (isApiLayer(file)) return false;
  return /^electron\/(modules|auth|sync|db|references|platform)\//.test(file);
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      throughIndex: 'The {{target}} module is reached only through its index.ts (what it offers other modules), not {{path}}.',
      domainImportsApi: 'Domain code does not import the API layer ({{path}}); take what it needs as parameters.',
    },
  },
  create(context) {
    const file = relative(root, context.filename);
    const own = moduleOf(file);
    const domain = isDomain(file);
    function check(node) {
      if (node.source === null || node.source === undefined || typeof node.source.value !== 'string') return;
      const target = landing(file, node.source.value);
      if (target === null) return;
      const targetModule = moduleOf(target);
      if (own !== null && targetModule !== null && targetModule.name !== own.name && !/\/index\.ts$/.test(target) && !(isTablesFile(file) && isTablesFile(target))) {
        context.report({ node: node.source, messageId: 'throughIndex', data: { target: targetModule.name, path: target } });
      }
      if (domain && isApiLayer(target)) context.report({ node: node.source, messageId: 'domainImportsApi', data: { path: target } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
