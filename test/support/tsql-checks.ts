/**
 * What a statement must satisfy to run on SQL Server, the production engine, checked on the text and
 * parameters TypeORM would send (see offline-mssql.ts): the parameter limit, `@n` parameters, ordered
 * paging, and no syntax of another engine.
 */
import type { RecordedStatement } from "./offline-mssql";

/** SQL Server refuses a request with more than 2100 parameters. */
export const SQL_SERVER_MAX_PARAMETERS = 2100;

/** Syntax of other engines that SQL Server rejects or reads differently. */
const FOREIGN_SYNTAX: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bLIMIT\b/i, what: "LIMIT (SQL Server pages with ORDER BY … OFFSET … FETCH or TOP)" },
  { pattern: /`/, what: "backtick-quoted identifier (MySQL/MariaDB)" },
  { pattern: /\bILIKE\b/i, what: "ILIKE (PostgreSQL)" },
  { pattern: /\bRETURNING\b/i, what: "RETURNING (SQL Server has OUTPUT)" },
  { pattern: /::/, what: ":: cast (PostgreSQL)" },
  { pattern: /\|\|/, what: "|| concatenation (SQL Server concatenates with +)" },
  { pattern: /\bON\s+CONFLICT\b/i, what: "ON CONFLICT (PostgreSQL/SQLite)" },
  { pattern: /\bON\s+DUPLICATE\s+KEY\b/i, what: "ON DUPLICATE KEY (MySQL/MariaDB)" },
  { pattern: /\bINSERT\s+OR\s+(IGNORE|REPLACE)\b/i, what: "INSERT OR … (SQLite)" },
  {
    pattern: /\b(NOW|IFNULL|NVL|STRFTIME|DATETIME|GROUP_CONCAT|GET_LOCK|LAST_INSERT_ID)\s*\(/i,
    what: "a function SQL Server does not have",
  },
  { pattern: /\bpg_\w+\s*\(/i, what: "a PostgreSQL system function" },
  { pattern: /\bAUTO_?INCREMENT\b|\bSERIAL\b/i, what: "AUTO_INCREMENT/SERIAL (SQL Server has IDENTITY)" },
  { pattern: /\bFOR\s+UPDATE\b|\bLOCK\s+IN\s+SHARE\s+MODE\b/i, what: "row locking clause of another engine (SQL Server uses table hints)" },
  { pattern: /\b(TRUE|FALSE)\b/i, what: "boolean literal (SQL Server has none: compare BIT with 1/0)" },
];

/** The syntax of other engines in a piece of SQL (string literals and quoted names already blanked). */
export function foreignSyntax(syntax: string): string[] {
  return FOREIGN_SYNTAX.filter(({ pattern }) => pattern.test(syntax)).map(({ what }) => what);
}

/** The statement with string literals and quoted identifiers blanked, so that only SQL syntax is left. */
export function sqlSyntaxOnly(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/\[[^\]]*\]/g, "[]");
}

/** Whether the statement pages (OFFSET … FETCH or TOP). */
export function isPaged(sql: string): boolean {
  const syntax = sqlSyntaxOnly(sql);
  return (
    /\bOFFSET\s+\S+\s+ROWS?\b/i.test(syntax) || /\bFETCH\s+(NEXT|FIRST)\b/i.test(syntax) || /\bSELECT\s+(DISTINCT\s+)?TOP\b/i.test(syntax)
  );
}

/** Every way the statement would fail or misbehave on SQL Server; empty when it is fine. */
export function tsqlProblems(statement: RecordedStatement): string[] {
  const problems: string[] = [];
  const syntax = sqlSyntaxOnly(statement.sql);
  const count = statement.parameters.length;

  if (count > SQL_SERVER_MAX_PARAMETERS) problems.push(`${count} parameters: SQL Server allows at most ${SQL_SERVER_MAX_PARAMETERS}`);

  // Parameters: bound as 0, 1, 2, … and written @0, @1, …; other @names must be declared in the batch
  // or be named arguments of a procedure call.
  statement.names.forEach((name, index) => {
    if (name !== String(index)) problems.push(`parameter ${index} is bound as "${name}", not "${index}"`);
  });
  const declared = new Set([...syntax.matchAll(/\bDECLARE\s+@(\w+)/gi)].map((m) => m[1].toLowerCase()));
  // Named arguments of a stored procedure call: EXEC [@result =] name @Argument = value, …
  for (const [call] of syntax.matchAll(/\bEXEC(?:UTE)?\s+(?:@\w+\s*=\s*)?[\w.]+[^;]*/gi)) {
    for (const [, name] of call.matchAll(/@(\w+)\s*=/g)) if (!/^\d+$/.test(name)) declared.add(name.toLowerCase());
  }
  const used = new Set<number>();
  for (const [, name] of syntax.matchAll(/@(\w+)/g)) {
    if (/^\d+$/.test(name)) {
      if (Number(name) >= count) problems.push(`@${name} is used but only ${count} parameters are bound`);
      used.add(Number(name));
    } else if (!declared.has(name.toLowerCase())) {
      problems.push(`@${name} is neither a bound parameter nor declared in the batch`);
    }
  }
  for (let index = 0; index < count; index++) if (!used.has(index)) problems.push(`parameter @${index} is bound but not used`);
  if (/\?/.test(syntax)) problems.push("? placeholder (SQL Server parameters are @0, @1, …)");
  if (/\$\d/.test(syntax)) problems.push("$n placeholder (SQL Server parameters are @0, @1, …)");
  if (/(^|[^:\w]):\w/.test(syntax)) problems.push("a :name placeholder was left unreplaced");

  // Paging without an order returns arbitrary rows, and keyset pages would skip or repeat rows.
  if (isPaged(statement.sql)) {
    const order = /\bORDER\s+BY\s+([^;]*)/i.exec(syntax);
    if (!order) problems.push("paged (OFFSET/FETCH or TOP) without ORDER BY");
    else if (/^\(\s*SELECT\s+NULL\s*\)/i.test(order[1].trim())) problems.push("paged with ORDER BY (SELECT NULL): no real order");
  }

  problems.push(...foreignSyntax(syntax));
  return problems;
}
