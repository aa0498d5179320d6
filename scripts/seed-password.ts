/** Every seeded account's password (scripts/seed.ts); the benchmark signs in with it. */
export const SEED_PASSWORD = "grover-seed-password";
