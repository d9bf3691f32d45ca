/**
 * SQL written by hand in the program stays portable outside the repository layer (src/state/, where
 * engine-specific statements such as locks belong). The source reader, the run, the reports and the
 * scheduler run on SQL Server in production and on SQLite, PostgreSQL and MariaDB in tests: the SQL
 * fragments they hand to TypeORM's query builders must read the same on all of them, and they must not
 * send raw SQL of their own. The offline T-SQL test checks what the code paths produce; this one reads
 * the source, so that a fragment on a path no test takes is checked too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "chai";
import ts from "typescript";
import { projectRoot } from "../../../src/util/project-root";
import { foreignSyntax, sqlSyntaxOnly } from "../../support/tsql-checks";

/** The program's code besides the repository layer. */
const SCANNED = ["src", "jobs", "reports", "mappings"];
const REPOSITORY_LAYER = "src/state/";

/** Query-builder methods and helpers whose string arguments are SQL. */
const SQL_TAKING_CALLS = new Set([
  "select",
  "addSelect",
  "where",
  "andWhere",
  "orWhere",
  "having",
  "andHaving",
  "orHaving",
  "orderBy",
  "addOrderBy",
  "groupBy",
  "addGroupBy",
  "innerJoin",
  "leftJoin",
  "innerJoinAndSelect",
  "leftJoinAndSelect",
  "Raw",
  "query",
]);

/** Raw statements outside the repository layer, each with the reason it may stay. */
const RAW_SQL_ALLOWED: Record<string, string> = {
  "src/source/contract-writer.ts": "demo and test databases only; builds its INSERTs with the engine's own quoting and placeholders",
};

interface SqlFragment {
  readonly where: string;
  readonly call: string;
  readonly text: string;
}

function typeScriptFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The literal text of a string argument (a template's literal parts, its substitutions left out). */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => ` ${span.literal.text}`)].join("");
  return null;
}

function calledName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/** Every string handed to a SQL-taking call in one file. */
function sqlFragmentsOf(file: string): SqlFragment[] {
  const root = projectRoot();
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const fragments: SqlFragment[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calledName(node);
      if (name && SQL_TAKING_CALLS.has(name)) {
        for (const argument of node.arguments) {
          const text = literalText(argument);
          if (text === null) continue;
          const line = source.getLineAndCharacterOfPosition(argument.getStart()).line + 1;
          fragments.push({ where: `${relative(root, file)}:${line}`, call: name, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return fragments;
}

describe("hand-written SQL outside the repository layer is portable", () => {
  const root = projectRoot();
  const files = SCANNED.flatMap((dir) => typeScriptFiles(join(root, dir))).filter(
    (file) => !relative(root, file).startsWith(REPOSITORY_LAYER),
  );
  const fragments = files.flatMap(sqlFragmentsOf);

  it("finds the query-builder fragments of the source reader (the scan works)", () => {
    const reader = fragments.filter((f) => f.where.startsWith("src/source/ministry-reader.ts"));
    expect(reader.map((f) => f.text)).to.include.members(["COUNT(DISTINCT  )", "COUNT(*) > 1"]);
  });

  it("no fragment uses another engine's syntax or placeholders (parameters are :name, bound by TypeORM)", () => {
    const offending = fragments
      .filter((f) => f.call !== "query")
      .map((f) => {
        const syntax = sqlSyntaxOnly(f.text);
        const problems = foreignSyntax(syntax);
        if (/\?|\$\d|@\w/.test(syntax)) problems.push("a placeholder other than :name");
        return { where: f.where, sql: f.text, problems };
      })
      .filter((f) => f.problems.length > 0);
    expect(offending).to.deep.equal([]);
  });

  it("raw statements (query(…)) are sent only by the repository layer and the allowed exceptions", () => {
    const raw = files.filter((file) => /\.query\s*\(/.test(readFileSync(file, "utf8"))).map((file) => relative(root, file));
    expect(raw.filter((file) => !(file in RAW_SQL_ALLOWED))).to.deep.equal([]);
  });
});
