/** @module `scrutineer packs …` (issue 5): credentials, the answers table, the printer's file and PDF packs. */
import { Command } from 'commander';
import { packsGenerateCommand } from './generate.ts';
import { packsRenderCommand } from './render.ts';

export function packsCommand(): Command {
  const group = new Command('packs')
    .description(
      "ballot packs: credentials, the server's answers table, the printer's file, print-ready PDFs"
    )
    .addCommand(packsGenerateCommand())
    .addCommand(packsRenderCommand());
  return group;
}
