// What a client sees of every error of every result (single, batched, streamed, or a refusal
// before execution): a code to act on, and a message cut to a short excerpt.
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codeUncoded } from './errorCodes.ts';
import { shortenError } from './errorExcerpts.ts';

function present(errors: readonly GraphQLError[] | undefined): void {
  for (const error of errors ?? []) {
    codeUncoded(error);
    shortenError(error);
  }
}

function errorsOf(result: unknown): readonly GraphQLError[] | undefined {
  return result && typeof result === 'object' && 'errors' in result ? (result as { errors?: readonly GraphQLError[] }).errors : undefined;
}

export function clientErrorsPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) present(errorsOf(r));
    },
    onExecutionResult({ result }) {
      present(errorsOf(result));
    },
  };
}
