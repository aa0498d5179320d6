import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate, and migrate deploy for those who have the schema engine).
// The app itself applies migrations with scripts/db-migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/grover" },
});
