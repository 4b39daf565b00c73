import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

// Mutation refusals live apart (mutation-wording.ts); this module stays the one to import from.
export {
  checkRunWording,
  labelWording,
  mutationForbidden,
  unknownNode,
  updateRefsWording,
} from './mutation-wording.js';

/** An error in the shape GitHub's GraphQL API answers it. */
export interface GitHubGraphqlError {
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

const locationsOf = (error: GraphQLError) =>
  error.locations
    ? { locations: error.locations.map(({ line, column }) => ({ line, column })) }
    : {};

/**
 * GitHub runs graphql-ruby, whose validation messages differ from graphql-js's. The common
 * ones are reworded as GitHub says them (`Field 'x' doesn't exist on type 'T'`, with
 * `extensions.code` and a path from the operation); the rest keep graphql-js's wording.
 */
export function toGitHubValidationErrors(
  document: DocumentNode,
  errors: readonly GraphQLError[],
): GitHubGraphqlError[] {
  const out: GitHubGraphqlError[] = [];
  const missingArguments = new Map<ASTNode, { error: GitHubGraphqlError; names: string[] }>();
  for (const error of errors) {
    const node = error.nodes?.[0];
    const path = node ? pathTo(document, node) : undefined;
    const base = { ...(path ? { path } : {}), ...locationsOf(error) };
    const missing = /^Field "(?:\w+\.)?(\w+)" argument "(\w+)" of type .* is required/.exec(
      error.message,
    );
    if (missing && node) {
      const [, fieldName = '', argument = ''] = missing;
      const seen = missingArguments.get(node);
      if (seen) {
        seen.names.push(argument);
        continue;
      }
      const error: GitHubGraphqlError = {
        ...base,
        message: '',
        extensions: { code: 'missingRequiredArguments', className: 'Field', name: fieldName },
      };
      missingArguments.set(node, { error, names: [argument] });
      out.push(error);
      continue;
    }
    out.push({ ...base, ...reword(error.message, node) });
  }
  for (const { error, names } of missingArguments.values()) {
    const name = String(error.extensions?.name);
    error.message = `Field '${name}' is missing required arguments: ${names.join(', ')}`;
    error.extensions = { ...error.extensions, arguments: names.join(', ') };
  }
  return out;
}

function reword(
  message: string,
  node: ASTNode | undefined,
): Pick<GitHubGraphqlError, 'message' | 'extensions'> {
  let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
  if (m) {
    const [, fieldName, typeName] = m;
    return {
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
      extensions: { code: 'undefinedField', typeName, fieldName },
    };
  }
  m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(message);
  if (m) {
    const [, argumentName, name] = m;
    return {
      message: `Field '${name}' doesn't accept argument '${argumentName}'`,
      extensions: { code: 'argumentNotAccepted', name, typeName: 'Field', argumentName },
    };
  }
  m = /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/.exec(message);
  if (m) {
    const [, name = '', type = ''] = m;
    return {
      message: `Field must have selections (field '${name}' returns ${unwrap(type)} but has no selections. Did you mean '${name} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${name}'` },
    };
  }
  m = /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./.exec(
    message,
  );
  if (m) {
    const [, name = '', type = ''] = m;
    const selections =
      node?.kind === Kind.FIELD
        ? (node.selectionSet?.selections ?? []).map((s) =>
            s.kind === Kind.FIELD ? s.name.value : '...',
          )
        : [];
    return {
      message: `Selections can't be made on scalars (field '${name}' returns ${unwrap(type)} but has selections [${selections.join(', ')}])`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${name}'` },
    };
  }
  return { message };
}

const unwrap = (type: string): string => type.replace(/[[\]!]/g, '');

/** graphql-ruby's error path: the operation (`query Name`), then aliases or field names, down to the node. */
function pathTo(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter(
        (a): a is ASTNode => !Array.isArray(a) && typeof a === 'object' && 'kind' in a,
      );
      found = chain.flatMap(segment);
      return false;
    },
  });
  return found;
}

function segment(node: ASTNode): string[] {
  if (node.kind === Kind.OPERATION_DEFINITION)
    return [node.name ? `${node.operation} ${node.name.value}` : node.operation];
  if (node.kind === Kind.FRAGMENT_DEFINITION) return [`fragment ${node.name.value}`];
  if (node.kind === Kind.FIELD) return [node.alias?.value ?? node.name.value];
  if (node.kind === Kind.INLINE_FRAGMENT)
    return [node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...'];
  if (node.kind === Kind.ARGUMENT) return [node.name.value];
  return [];
}

const punctuators: Record<string, string> = {
  '{': 'LCURLY',
  '}': 'RCURLY',
  '(': 'LPAREN',
  ')': 'RPAREN',
  '[': 'LBRACKET',
  ']': 'RBRACKET',
  ':': 'COLON',
  '=': 'EQUALS',
  '!': 'BANG',
  $: 'VAR_SIGN',
  '@': 'DIR_SIGN',
  '...': 'ELLIPSIS',
  '|': 'PIPE',
  '&': 'AMP',
};

/** graphql-ruby's `Parse error on "}" (RCURLY) at [1, 10]`, from graphql-js's syntax error. */
export function toGitHubSyntaxError(error: GraphQLError): GitHubGraphqlError {
  const { line = 0, column = 0 } = error.locations?.[0] ?? {};
  // graphql-js says `Expected Name, found ")".` or `Unexpected ")".` for the same kind of token.
  const found = /(?:found|Unexpected) (<EOF>|"([^"]*)"|(Name|String|Int|Float) "([^"]*)")\.?$/.exec(
    error.message,
  );
  let message: string;
  if (found?.[1] === '<EOF>') message = `Unexpected end of document`;
  else if (found?.[2] !== undefined)
    message = `Parse error on "${found[2]}" (${punctuators[found[2]] ?? 'UNKNOWN_CHAR'}) at [${line}, ${column}]`;
  else if (found?.[3] !== undefined) {
    const kind = found[3] === 'Name' ? 'IDENTIFIER' : found[3].toUpperCase();
    message = `Parse error on "${found[4]}" (${kind}) at [${line}, ${column}]`;
  } else message = error.message;
  return { message, ...locationsOf(error) };
}
