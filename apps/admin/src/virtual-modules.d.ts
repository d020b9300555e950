// Modules the Vite build makes (vite.config.ts).
declare module 'virtual:api-introspection' {
  import type { IntrospectionSchema } from 'graphql';
  /** The API's schema (apps/api/schema.graphql) as an introspection answer, without descriptions. */
  const schema: IntrospectionSchema;
  export default schema;
}
