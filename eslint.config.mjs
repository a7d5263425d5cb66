// Lint: ESLint's and typescript-eslint's recommended rules, React hooks, and Next's own rules.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/.next/**", "lib/generated/**", "node_modules/**", "test-results/**", ".data/**", "scripts/_*", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Learner-facing code gets scores, marks and keys only from lib's learner queries, which put them through
    // the one feedback decision (lib/assignments/feedback-policy.ts): never from the database or a score of its own.
    files: ["app/(student)/**", "app/(reader)/**", "app/api/attempts/**", "components/learn/**", "components/quiz/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Read through lib's learner queries, which apply the feedback decision." },
            { name: "@/lib/assignments/feedback-policy", message: "lib's learner queries apply the feedback decision; pages do not make their own." },
            { name: "@/lib/learning/scores", importNames: ["bestAttempt"], message: "lib's learner queries give the best score the feedback decision allows." },
          ],
          patterns: [{ group: ["@/lib/generated/prisma/client"], message: "Read through lib's learner queries." }],
        },
      ],
    },
  },
);
