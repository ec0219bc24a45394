import { Command } from 'commander';
import { ApiClient } from './apiClient';
import { registerGetCommand } from './commands/get';
import { registerActionCommands } from './commands/actions';

/** Options every API command accepts. */
export interface ApiOptions {
  url: string;
  token?: string;
}

export function apiClientFrom(options: ApiOptions): ApiClient {
  return new ApiClient(options.url, options.token);
}

export function createProgram(): Command {
  const program = new Command('gitops')
    .description(
      'GitOps for Backstage: inspect and drive the objects of the platform through its REST API, and build locally with its engines.',
    )
    .option(
      '--url <url>',
      'base URL of the gitops API (env GITOPS_URL)',
      process.env.GITOPS_URL ?? 'http://localhost:7007/api/gitops',
    )
    .option('--token <token>', 'a Backstage token for the API (env GITOPS_TOKEN)', process.env.GITOPS_TOKEN)
    .showHelpAfterError();

  registerGetCommand(program);
  registerActionCommands(program);
  return program;
}
