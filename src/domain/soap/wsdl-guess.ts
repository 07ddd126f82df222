/**
 * Which operation verifies a token, and which parameter takes the token and which the ClientID,
 * guessed from names: the manual does not give them.
 */
import type { WsdlOperation } from './wsdl';

const OPERATION_HINTS = ['chk', 'check', 'verify', 'valid', 'login', 'token', 'auth'];
const TOKEN_HINTS = ['token', 'jwt', 'access'];
const CLIENT_HINTS = ['client', 'appid', 'applicationid', 'apikey', 'key'];

function hintScore(name: string, hints: readonly string[]): number {
  const lower = name.toLowerCase();
  return hints.filter((hint) => lower.includes(hint)).length;
}

export interface RoleGuess {
  operation: string;
  tokenParameter: string | null;
  clientIdParameter: string | null;
}

/**
 * Guesses from names alone. It says null rather than invent: JAX-WS without @WebParam names
 * parameters arg0, arg1, and then only a person who knows the service can choose.
 */
export function guessRoles(
  operations: ReadonlyArray<Pick<WsdlOperation, 'name' | 'inputParameters'>>,
): RoleGuess | null {
  if (operations.length === 0) return null;
  const scored = operations.map((operation) => ({
    operation,
    score:
      hintScore(operation.name, OPERATION_HINTS) +
      (operation.inputParameters.some((p) => hintScore(p, TOKEN_HINTS) > 0) ? 1 : 0),
  }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score === 0 && operations.length > 1) return null;
  const parameters = best.operation.inputParameters;
  const clientIdParameter = parameters.find((p) => hintScore(p, CLIENT_HINTS) > 0) ?? null;
  let tokenParameter = parameters.find((p) => p !== clientIdParameter && hintScore(p, TOKEN_HINTS) > 0) ?? null;
  let client = clientIdParameter;
  // With exactly two parameters, knowing one tells the other.
  if (parameters.length === 2) {
    if (tokenParameter && !client) client = parameters.find((p) => p !== tokenParameter) ?? null;
    else if (client && !tokenParameter) tokenParameter = parameters.find((p) => p !== client) ?? null;
  }
  if (parameters.length === 1 && !tokenParameter && !client) tokenParameter = parameters[0]!;
  return { operation: best.operation.name, tokenParameter, clientIdParameter: client };
}
