// The only place that writes to the console: messages, warnings and errors.
import { styleText } from 'node:util';

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

function paint(format: Parameters<typeof styleText>[0], text: string, stream: NodeJS.WriteStream): string {
  return useColour(stream) ? styleText(format, text) : text;
}

let quiet = false;

export const say = {
  /** --quiet silences everything but errors. */
  setQuiet(value: boolean): void {
    quiet = value;
  },
  info(text: string): void {
    if (!quiet) process.stdout.write(`${text}\n`);
  },
  warn(text: string): void {
    if (!quiet) process.stderr.write(`${paint('yellow', 'warning:', process.stderr)} ${text}\n`);
  },
  /** A line on what the command is doing now, on stderr so that stdout stays the command's own output. */
  status(text: string): void {
    if (!quiet) process.stderr.write(`${text}\n`);
  },
  error(text: string): void {
    process.stderr.write(`${text}\n`);
  },
  fail(text: string): void {
    process.stderr.write(`${paint('red', 'error:', process.stderr)} ${text}\n`);
  },
  json(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  },
};

/** "1 claim", "2 claims": a count with its English noun, for the CLI's own messages. */
export const counted = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
