// Import rules of the API, checked by `npm run lint` (dependency-cruiser): a violation fails `npm test`.
// - no import cycles (type-only imports count too);
// - platform/ (cross-cutting: database, context, errors, CRUD) imports nothing from modules/ (the features): the
//   server passes the entities and the context's lookups in (src/composition.ts);
// - a module (a folder of src/modules/) uses another only through that module's index.ts.
// The registration lists at the top of src/modules/ (entities.ts, resolvers.ts, operations.ts) and the files above
// both layers (server.ts, composition.ts, index.ts, seed/) name what they wire and are not held to the index rule.
// Tests are not cruised: they reach into the files they test.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles: move the shared piece to a lower module or to platform/.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-not-to-modules',
      comment: 'platform/ lies below the feature modules: pass what it needs in from the server.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-through-index',
      comment: "A module reaches another only through that module's index.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve (a moved file).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|\\.test\\.|/test/|/e2e/|/bench/)' },
    // Packages that name their entry points only in package.json "exports" (graphql-ws/use/ws), as Node resolves them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
