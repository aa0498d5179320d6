import type { TDataExport } from "./account.types";

export const DATA_EXPORT_SELECT = {
  id: true,
  status: true,
  createdAt: true,
  completedAt: true,
  size: true,
  error: true,
} as const;

type Row = {
  id: string;
  status: TDataExport["status"];
  createdAt: Date;
  completedAt: Date | null;
  size: number | null;
  error: string | null;
};

/** An export as the API shows it: the download link only once the zip exists. */
export function toDataExport(row: Row): TDataExport {
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    size: row.size,
    error: row.error,
    downloadUrl: row.status === "ready" ? `/api/users/me/export/${row.id}/download` : null,
  };
}
