// ESLint: typescript-eslint's recommended rules with type information, the exhaustive-switch check that
// keeps every branch on a union (form types, outcomes, statuses) complete, and Prettier's formatting left
// to Prettier (eslint-config-prettier). `npm run lint` runs it and `prettier --check`; `npm test` runs lint first;
// `npm run format` formats.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "out/**", "bin/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A switch over a union lists every member, even when it has a default (which then only catches
      // what the types cannot see, e.g. a value read from a file).
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false, allowDefaultCaseForExhaustiveSwitch: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Control characters are what the adapter strips from what it prints and checks for in its tests.
      "no-control-regex": "off",
    },
  },
  // The import rules of ARCHITECTURE.md ("Folders and what they may import") that matter most.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*", "typeorm"], message: "src/domain holds plain values: it imports nothing of ours" }] },
      ],
    },
  },
  {
    files: ["src/rules/**/*.ts", "src/form-types/**/*.ts", "src/forms/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["typeorm", "node:fs", "node:fs/*", "**/state/*", "**/source/*", "**/run/*", "**/cli/*", "**/reports/*"],
              message: "the rules and the form types touch no database, file, run or report",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["reports/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/src/run/*", "**/src/cli/*"], message: "reports read the run's record (src/run-record), never src/run" }],
        },
      ],
    },
  },
  {
    files: ["src/run-record/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["typeorm", "**/state/*", "**/source/*", "**/run/*", "**/cli/*", "**/reports/*"],
              message: "the run's record is a published contract: plain values of domain, rules and forms only",
            },
          ],
        },
      ],
    },
  },
  // chai's property assertions (`expect(x).to.be.empty`) are expressions.
  { files: ["test/**/*.ts"], rules: { "@typescript-eslint/no-unused-expressions": "off" } },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { process: "readonly", require: "readonly", module: "writable", __dirname: "readonly" },
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
