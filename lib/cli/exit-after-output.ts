// Ending a command-line process: process.exit at once would cut off output
// still queued for a pipe (`hopper agreement --json | jq` got 128 KiB of a
// larger report), so the exit waits until stdout has taken everything written.

export function exitAfterOutput(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
