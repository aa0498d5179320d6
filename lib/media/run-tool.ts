import "server-only";
import { execFile } from "node:child_process";

export type ToolResult = { stdout: Buffer; stderr: string };

/** The tool is not installed (or switched off): callers fall back instead of failing. */
export class ToolMissingError extends Error {}

/**
 * Runs a command-line tool (ffmpeg, ffprobe) directly, never through a shell, with a time limit
 * after which it is killed. Arguments are passed as an array, so no file name is ever parsed.
 */
export function runTool(command: string, args: string[], timeoutMs: number): Promise<ToolResult> {
  if (command === "off") return Promise.reject(new ToolMissingError(`${command} is off`));
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        encoding: "buffer",
        maxBuffer: 16 * 1024 * 1024,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(new ToolMissingError(`${command} is not installed`));
        } else if (error) {
          const reason = error.killed ? `timed out after ${timeoutMs} ms` : error.message;
          reject(new Error(`${command} failed: ${reason}: ${stderr.toString("utf8").slice(-500)}`));
        } else {
          resolve({ stdout, stderr: stderr.toString("utf8") });
        }
      },
    );
  });
}
