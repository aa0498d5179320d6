import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { hasPassword } from "@/lib/account/has-password";
import { listConnectedProviders } from "@/lib/account/list-connected-providers";
import { oauthProviders } from "@/lib/auth/oauth-providers";
import { getEmailStatus } from "@/lib/users/get-email-status";
import { ConnectedAccountsSection, type ConnectedProvider } from "./connected-accounts-section";
import { DeleteAccountSection } from "./delete-account-section";
import { EmailSection } from "./email-section";
import { ExportSection } from "./export-section";
import { PasswordSection } from "./password-section";
import { SessionsSection } from "./sessions-section";

export const metadata: Metadata = { title: "Account" };

function Card({
  title,
  anchor,
  children,
}: {
  title: string;
  anchor?: string;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section
      id={anchor}
      aria-labelledby={id}
      className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// A link refused while signed in comes back here with next-auth's `?error=` code
// (lib/auth/auth-options.ts); a successful one with `?linked=<provider>`.
const LINK_ERRORS: Record<string, string> = {
  OAuthAccountLinkedElsewhere:
    "That sign-in is already connected to another Grover account, so it wasn't connected to this one.",
};

function linkNotice(
  params: Record<string, string | string[] | undefined>,
  providers: ConnectedProvider[],
): { ok: boolean; text: string } | null {
  const error = first(params.error);
  if (error) return { ok: false, text: LINK_ERRORS[error] ?? "Connecting didn't work. Try again." };
  const linked = providers.find((p) => p.id === first(params.linked) && p.connected);
  return linked
    ? { ok: true, text: `${linked.name} is connected. You can sign in with it from now on.` }
    : null;
}

export default async function AccountSettingsPage({ searchParams }: Props) {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/settings/account")}`);
  const [withPassword, connected, params, emailStatus] = await Promise.all([
    hasPassword(viewer.userId),
    listConnectedProviders(viewer.userId),
    searchParams,
    getEmailStatus(viewer.userId, { withPending: true }),
  ]);
  const providers = oauthProviders().map(({ id, name }) => ({
    id,
    name,
    connected: connected.includes(id),
  }));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-stone-600">
          Your email, where you are signed in, how you sign in, and your data.
        </p>
      </div>
      {emailStatus ? (
        <Card title="Email address" anchor="email">
          <EmailSection
            status={emailStatus}
            withPassword={withPassword}
            username={viewer.username}
            outcome={first(params.email)}
          />
        </Card>
      ) : null}
      <Card title="Where you are signed in">
        <SessionsSection />
      </Card>
      {providers.length > 0 ? (
        <Card title="Connected accounts">
          <ConnectedAccountsSection providers={providers} notice={linkNotice(params, providers)} />
        </Card>
      ) : null}
      {withPassword ? (
        <Card title="Change password">
          <PasswordSection />
        </Card>
      ) : null}
      <Card title="Download your data">
        <ExportSection />
      </Card>
      <Card title="Delete account">
        <DeleteAccountSection username={viewer.username} withPassword={withPassword} />
      </Card>
    </div>
  );
}
