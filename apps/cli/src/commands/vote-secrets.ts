/**
 * @module Where `scrutineer vote` reads the member's voting code and security answers: a file
 * (`--code-file`, mode 0600 advised), standard input (`--code-file -`), or, with neither and a
 * terminal, a prompt. Never the command line: argv is visible to every account on the machine
 * (`ps`) and is kept in shell history, and the code with the answers is a complete credential.
 * The file's first non-empty line is the code, the second the answers (`dob=…,postcode=…`).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';

export interface VoteSecrets {
  readonly code: string;
  readonly answers: string;
}

/** The code and answers from `text` (two lines), or an error message. */
export function parseVoteSecrets(text: string): VoteSecrets | string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [code, answers] = lines;
  if (code === undefined || answers === undefined || lines.length > 2)
    return 'expected two lines: the voting code, then the answers (dob=…,postcode=…)';
  return { code, answers };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function prompt(): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const code = await terminal.question('Voting code (from your pack): ');
    const answers = await terminal.question('Security answers (dob=YYYY-MM-DD,postcode=…): ');
    return `${code}\n${answers}\n`;
  } finally {
    terminal.close();
  }
}

/** Reads the secrets from `codeFile` (a path or `-`), or prompts on a terminal. */
export async function readVoteSecrets(codeFile: string | undefined): Promise<VoteSecrets | string> {
  if (codeFile === undefined && !process.stdin.isTTY)
    return '--code-file is required when standard input is not a terminal (use - to read it)';
  try {
    const text =
      codeFile === undefined
        ? await prompt()
        : codeFile === '-'
          ? await readStdin()
          : readFileSync(codeFile, 'utf8');
    return parseVoteSecrets(text);
  } catch (error) {
    return `cannot read ${codeFile ?? 'the terminal'}: ${(error as Error).message}`;
  }
}
