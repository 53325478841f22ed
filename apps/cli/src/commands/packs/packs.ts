/** @module `scrutineer packs …`: credentials, the answers table, the printer's file and PDF packs. */
import { packsEmailCommand } from './email/email-command.ts';
import { Command } from 'commander';
import { packsApprovalKeyCommand } from './approval-key.ts';
import { packsGenerateCommand } from './generate.ts';
import { packsRenderCommand } from './render.ts';
import { packsReplaceCommand } from './replace.ts';

export function packsCommand(): Command {
  const group = new Command('packs')
    .description(
      "ballot packs: credentials, the server's answers table, the printer's file, print-ready PDFs, and replacement packs"
    )
    .addCommand(packsGenerateCommand())
    .addCommand(packsRenderCommand())
    .addCommand(packsApprovalKeyCommand())
    .addCommand(packsReplaceCommand())
    .addCommand(packsEmailCommand());
  return group;
}
