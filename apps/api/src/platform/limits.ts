// Query limits as GraphQL validation rules: depth, aliases and a simple cost (fields × list multipliers).
import {
  ASTVisitor,
  BREAK,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  visit,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Tokens per document (enforced by the parser). */
  maxTokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxCost: 20_000, maxTokens: 5_000 };

const limitError = (message: string, node?: FieldNode | OperationDefinitionNode) =>
  new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: true },
  });

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const out: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) out[definition.name.value] = definition;
  }
  return out;
}

/** Depth of a selection set, following fragments (with a guard against fragment cycles). */
function depthOf(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      max = Math.max(max, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/** How many items a list argument holds (a list literal, or a list variable); undefined when absent or not a list. */
function listLength(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.LIST) return arg.value.values.length;
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return Array.isArray(v) ? v.length : undefined;
  }
  return undefined;
}

/** Arguments that hold one question per item (authorizeMany's `inputs`): the selection is answered once per item. */
const BATCH_ARGUMENTS = ['inputs'];

/**
 * Cost: every field costs 1; a list field (all*, or with perPage) multiplies its children by its page size; a batch
 * (a field with `inputs`) multiplies its children by the number of inputs.
 */
function costOf(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  seen: Set<string>,
  variables: Record<string, unknown>,
): number {
  if (!set) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const perPage = intArgument(selection, 'perPage', variables);
      const isList = perPage !== undefined || selection.name.value.startsWith('all');
      let batch: number | undefined;
      for (const name of BATCH_ARGUMENTS) batch ??= listLength(selection, name, variables);
      const multiplier = batch ?? (isList ? (perPage ?? 25) : 1);
      total += 1 + multiplier * costOf(selection.selectionSet, fragments, seen, variables);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += costOf(selection.selectionSet, fragments, seen, variables);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      total += costOf(fragment.selectionSet, fragments, new Set([...seen, name]), variables);
    }
  }
  return total;
}

/** The cost of an operation with its variables (page sizes may come from variables). */
export function operationCost(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const fragments: Fragments = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return costOf(operation.selectionSet, fragments, new Set(), variables);
}

/** True when some page size or batch comes from a variable (anywhere in the document): the cost depends on them. */
function pageSizeFromVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (
        (node.name.value === 'perPage' || BATCH_ARGUMENTS.includes(node.name.value)) &&
        node.value.kind === Kind.VARIABLE
      ) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

// Apollo keeps parsed documents (one object per query text), so the same operation comes back request after request.
const staticCosts = new WeakMap<OperationDefinitionNode, number | null>();

/** operationCost, remembered per operation when it does not depend on the variables. */
export function cachedOperationCost(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  let cost = staticCosts.get(operation);
  if (cost === undefined) {
    cost = pageSizeFromVariables(document) ? null : operationCost(operation, document, {});
    staticCosts.set(operation, cost);
  }
  return cost ?? operationCost(operation, document, variables);
}

export function costError(cost: number, limits: QueryLimits): GraphQLError {
  return new GraphQLError(
    `Query would cost ${cost} (fields × page sizes); the limit is ${limits.maxCost}. Ask for smaller pages ` +
      `or fewer nested fields.`,
    {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: true, http: { status: 400 } },
    },
  );
}

/** Depth and alias limits as validation rules (the cost needs variables: see operationCost). */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const depthRule: ValidationRule = (context): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context), new Set());
      if (depth > limits.maxDepth)
        context.reportError(
          limitError(
            `Query is ${depth} levels deep; the limit is ${limits.maxDepth}. Split it into smaller queries.`,
            node,
          ),
        );
    },
  });
  const aliasRule: ValidationRule = (context): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases)
            context.reportError(limitError(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}.`));
        },
      },
    };
  };
  return [depthRule, aliasRule];
}
