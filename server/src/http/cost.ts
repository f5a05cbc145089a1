import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, NESTED_LIST_SIZE, ROOT_LIST_SIZE } from './limits';

/**
 * A cost estimate that follows how this API's work grows: every field costs 1, and what is selected
 * under a list or a page is paid once per item. A page's size is its `first`/`last` literal clamped
 * to the largest page the API serves; a variable counts as the largest page, because validation runs
 * (and is cached) before variables are known. Other lists are assumed to hold ROOT_LIST_SIZE items
 * under Query and NESTED_LIST_SIZE elsewhere.
 *
 * GraphQL Armor's cost-limit multiplies by the literal `first` without a ceiling and also multiplies
 * `totalCount`, so `firms(first: 100000) { totalCount }` would be refused as too costly instead of
 * reaching the resolver that names the bad argument; it also ignores lists without `first`.
 */

type Field = GraphQLField<unknown, unknown>;

export interface CostLimitOptions {
  maxCost: number;
  /** Called with the refusal; the rule reports it to the validation context. */
  message?: (cost: number, maxCost: number) => string;
}

export function costLimitRule({ maxCost, message }: CostLimitOptions): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context, operation);
      if (cost > maxCost) {
        const text = message?.(cost, maxCost) ?? `Query cost limit of ${maxCost} exceeded, found ${Math.round(cost)}.`;
        context.reportError(
          new GraphQLError(text, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: maxCost, found: Math.round(cost) },
          }),
        );
      }
    },
  });
}

export function operationCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, pageSize: number | null, atRoot: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, type, pageSize, atRoot);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) total += selectionCost(selection.selectionSet, condition, pageSize, atRoot);
      } else {
        total += spreadCost(selection.name.value, pageSize, atRoot);
      }
    }
    return total;
  };

  const spreadCost = (name: string, pageSize: number | null, atRoot: boolean): number => {
    // A fragment in its own path is a cycle that NoFragmentCyclesRule reports; counting it would never end.
    if (inProgress.has(name)) return 0;
    const key = `${name}|${pageSize ?? ''}|${atRoot}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    if (!fragment || !condition || !isCompositeType(condition)) return 0;
    inProgress.add(name);
    const cost = selectionCost(fragment.selectionSet, condition, pageSize, atRoot);
    inProgress.delete(name);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, pageSize: number | null, atRoot: boolean): number => {
    // __typename is free; __schema/__type are refused outside development and cheap inside it.
    if (node.name.value.startsWith('__')) return 0;
    const def = fieldDef(parent, node.name.value);
    if (!def) return 0; // FieldsOnCorrectTypeRule reports it.
    const named = getNamedType(def.type);
    if (!node.selectionSet || !isCompositeType(named)) return 1;
    const page = requestedPage(node, def);
    const items = isListType(getNullableType(def.type)) ? (pageSize ?? (atRoot ? ROOT_LIST_SIZE : NESTED_LIST_SIZE)) : 1;
    // A connection's page size applies to its `edges` list, not to totalCount or pageInfo.
    return 1 + items * selectionCost(node.selectionSet, named, page, false);
  };

  return selectionCost(operation.selectionSet, root, null, true);
}

function fieldDef(parent: GraphQLCompositeType, name: string): Field | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The page a paginated field asks for; null when the field takes no `first`/`last`. */
function requestedPage(node: FieldNode, def: Field): number | null {
  if (!def.args.some((a) => a.name === 'first' || a.name === 'last')) return null;
  let page: number | null = null;
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const asked = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.NULL ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
    page = Math.max(page ?? 0, Math.min(Math.max(asked, 0), MAX_PAGE_SIZE));
  }
  return page ?? DEFAULT_PAGE_SIZE;
}
