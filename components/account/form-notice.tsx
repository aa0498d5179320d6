// The one-line outcome above an account form: an error (role=alert, read out at once) or a
// status. Server-rendered, so the forms that post without scripts show it after their redirect.
export function FormNotice({ kind, children }: { kind: "error" | "status"; children: string }) {
  return kind === "error" ? (
    <p
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
    >
      {children}
    </p>
  ) : (
    <p
      role="status"
      className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm font-medium text-brand-700"
    >
      {children}
    </p>
  );
}
