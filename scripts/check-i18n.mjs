// Fails when user-facing text is written straight into a component instead of coming
// from the translation bundles (app/locales/<lang>/<namespace>.json via t()).
//
// Every app/**/*.tsx file is parsed with the TypeScript compiler; reported are
//   - JSX text that contains a letter (whitespace and symbols such as "›", "·", "—" pass),
//   - string literals rendered as JSX children: <p>{"Hello"}</p>,
//   - string literals given to the attributes below, directly or through ?:, ||, ??, &&, +
//     and template literals: aria-label="Close", title={open ? "Hide" : "Show"}.
// A literal passed to a function (t("auth:login.title")) is a key, not text, and is not reported.
//
// Usage: node scripts/check-i18n.mjs [dir ...]   (default: app; exit code 1 and file:line for each finding)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dirs = process.argv.length > 2 ? process.argv.slice(2).map((dir) => path.resolve(dir)) : [path.join(root, "app")];

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set(["aria-label", "alt", "title", "placeholder", "aria-description", "label"]);

/**
 * Literals that are not language and may stay in the markup. Keep this list tiny and
 * say why each entry is safe; anything a translator could want to change does not belong here.
 * Entries: { text, file? (relative to the repository root), reason }.
 */
const ALLOWED = [
  // (empty: the brand name comes from common:siteName, language names from app/i18n/config.ts)
];

const LETTER = /\p{L}/u;

function tsxFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    // Test files are not shipped to users.
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

/** Static text pieces an attribute/child expression can evaluate to. */
function literalTexts(expression) {
  if (!expression) return [];
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) {
    return literalTexts(expression.expression);
  }
  if (ts.isConditionalExpression(expression)) return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(expression.right);
    if (
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.PlusToken
    ) {
      return [...literalTexts(expression.left), ...literalTexts(expression.right)];
    }
  }
  return [];
}

function isAllowed(file, text) {
  return ALLOWED.some((entry) => entry.text === text && (!entry.file || entry.file === file));
}

const findings = [];

for (const absolute of dirs.flatMap(tsxFiles).sort()) {
  const file = path.relative(root, absolute).split(path.sep).join("/");
  const source = ts.createSourceFile(absolute, readFileSync(absolute, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

  const report = (node, kind, raw) => {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!LETTER.test(text) || isAllowed(file, text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push(`${file}:${line + 1}: ${kind}: ${JSON.stringify(text)}`);
  };

  const visit = (node) => {
    if (ts.isJsxText(node)) {
      report(node, "JSX text", node.text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalTexts(node.expression)) report(node, "JSX child literal", text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      if (TEXT_ATTRIBUTES.has(name) && node.initializer) {
        const texts = ts.isStringLiteral(node.initializer) ? [node.initializer.text] : literalTexts(node.initializer.expression);
        for (const text of texts) report(node, `${name} attribute`, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (findings.length > 0) {
  console.error(`Hard-coded user-facing text (move it to app/locales/<lang>/<namespace>.json and use t()):`);
  for (const finding of findings) console.error(`  ${finding}`);
  console.error(`\n${findings.length} finding(s).`);
  process.exit(1);
}
console.log(`check-i18n: no hard-coded user-facing text in ${dirs.map((dir) => path.relative(root, dir) || ".").join(", ")}.`);
