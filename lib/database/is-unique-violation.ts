import { Prisma } from "@/lib/generated/prisma/client";

/**
 * True when `error` is a unique-constraint violation, optionally on a constraint naming `field`.
 * Prisma 7's driver adapters report the columns in different places of `meta`, so the check
 * looks at all of it.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return false;
  }
  return field === undefined || JSON.stringify(error.meta ?? {}).includes(field);
}
