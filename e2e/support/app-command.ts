// Runs one of the app's own commands against the e2e database, in a separate process
// started with tsx (see commands.ts for why). Usage:
//   tsx e2e/support/app-command.ts <name> '<json arguments>'
// Prints the command's result as JSON on stdout.
import { publishIdea } from "../../app/modules/ideas/ideas.server";
import { castSupport } from "../../app/modules/supports/supports.server";

const commands: Record<string, (...args: never[]) => Promise<unknown>> = {
  publishIdea: (ideaId: string, moderatorId: string) => publishIdea(ideaId, moderatorId),
  castSupport: (ideaId: string, userId: string) => castSupport(ideaId, { id: userId, roles: [] }),
};

const [name, json = "[]"] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`unknown command ${name}; known: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
const result = await command(...(JSON.parse(json) as never[]));
process.stdout.write(JSON.stringify(result ?? null));
// Prisma and the mail queue keep handles open; the command is done.
process.exit(0);
