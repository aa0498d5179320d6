import { usePathname } from "next/navigation";
import { useCurrentUser } from "@/client/hooks/use-current-user";

export type NavLink = { href: string; label: string };

/**
 * The one list of the app's navigation, for the desktop header and the phone's tab bar alike:
 * `primary` are the places people go all the time (header links, tabs), `secondary` the rest
 * (the header's "More" menu, the phone's menu sheet). `current` says whether a link is the page
 * being shown, for aria-current.
 */
export function useNavLinks() {
  const { user, sessionStatus } = useCurrentUser();
  const pathname = usePathname();
  const signedIn = sessionStatus === "authenticated";

  const primary: NavLink[] = [
    { href: "/", label: "Home" },
    { href: "/explore", label: "Explore" },
    { href: "/search", label: "Search" },
  ];
  const secondary: NavLink[] = signedIn
    ? [
        { href: "/saved", label: "Saved" },
        { href: "/earnings", label: "Earnings" },
        { href: "/purchases", label: "Purchases" },
        // The role only decides whether to show the link; the page and the API check it
        // themselves.
        ...(user && user.role !== "user" ? [{ href: "/moderation", label: "Moderation" }] : []),
        { href: "/settings/profile", label: "Settings" },
      ]
    : [];
  const profileHref = user ? `/u/${user.username}` : null;
  const current = (href: string) => (pathname === href ? ("page" as const) : undefined);

  return { status: sessionStatus, user, primary, secondary, profileHref, current };
}
