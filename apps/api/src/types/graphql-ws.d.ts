// graphql-ws names its entry points only in package.json "exports", which Node reads at run time but this project's
// module resolution for types (node10, for CommonJS output) does not: these re-export the types it publishes.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
