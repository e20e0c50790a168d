// Starts the real production server (node server.js) on 127.0.0.1 for the benchmark and
// watches its memory: peak RSS is read from /proc (VmHWM) before it stops.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type RunningServer = {
  url: string;
  pid: number;
  bootSeconds: number;
  /** Peak resident memory so far, in MiB (Linux /proc; null elsewhere). */
  peakRssMiB(): number | null;
  /** CPU time (user + system) the server used so far, in ms (Linux /proc; null elsewhere). */
  cpuMs(): number | null;
  /**
   * Requests the server has answered so far, from its access log (LOG_REQUESTS, one line
   * per answered request; /healthz is not logged): also those answered after a phase ended.
   */
  answered(): number;
  stop(): Promise<void>;
};

function readStatus(pid: number, field: "VmHWM" | "VmRSS"): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time used so far by every process whose command name is `name` (e.g. the PostgreSQL
 * backends), in ms; with `titleContains`, only those whose process title (command line)
 * contains it — PostgreSQL titles its backends "postgres: <user> <database> <client> …",
 * so the backends of other databases on a shared server do not count.
 */
export function commandCpuMs(name: string, titleContains?: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (comm !== name) continue;
      if (titleContains && !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(titleContains)) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU time all processes of the machine spent busy so far, in ms (/proc/stat; null elsewhere). */
export function machineBusyMs(): number | null {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + (steal ?? 0)) * 10;
  } catch {
    return null;
  }
}

export async function startServer({
  root,
  env,
  port,
  logFile,
  nodeArgs = [],
}: {
  root: string;
  env: Record<string, string>;
  port: number;
  logFile: string;
  /** Options for node itself (before server.js), e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const started = performance.now();
  const log = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(root, "server.js")], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    stream?.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString("utf8")).slice(-4000)));
  }
  // Access-log lines (":remote-addr :method :url :status …", status "-" when the client
  // left first) on stdout, counted as they come.
  let answered = 0;
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (/^\S+ (GET|POST|HEAD|PUT|PATCH|DELETE|OPTIONS) \S+ (\d{3}|-) /.test(line)) answered++;
  });
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  // Boot = migrations check, reference data, search index (rebuilt when missing), listen.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited with code ${exited} while starting:\n${tail}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 15 minutes (see ${logFile})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    bootSeconds: (performance.now() - started) / 1000,
    peakRssMiB: () => readStatus(pid, "VmHWM"),
    cpuMs: () => processCpuMs(pid),
    answered: () => answered,
    async stop() {
      if (exited === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exit;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}
