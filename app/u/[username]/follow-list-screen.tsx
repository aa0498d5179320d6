"use client";

import Link from "next/link";
import { useFollowList } from "@/client/hooks/use-follow-list";
import type { FollowListKind } from "@/client/query-keys";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PeopleIcon } from "@/components/ui/icons";
import { UserList } from "@/components/users/user-list";

type Props = {
  kind: FollowListKind;
  username: string;
  displayName: string;
  isSelf: boolean;
};

function emptyCopy({ kind, displayName, isSelf }: Omit<Props, "username">) {
  if (kind === "followers") {
    return isSelf
      ? { title: "No followers yet", description: "When people follow you, they'll show up here." }
      : {
          title: "No followers yet",
          description: `When people follow ${displayName}, they'll show up here.`,
        };
  }
  return isSelf
    ? { title: "You're not following anyone yet", description: "Find people whose work you love." }
    : {
        title: "Not following anyone yet",
        description: `When ${displayName} follows people, they'll show up here.`,
      };
}

/** The followers or following list of one user, loaded page by page in the browser. */
export function FollowListScreen(props: Props) {
  const query = useFollowList(props.kind, props.username);
  const copy = emptyCopy(props);
  return (
    <UserList
      query={query}
      label={props.kind === "followers" ? "Followers" : "Following"}
      empty={
        <EmptyState
          icon={<PeopleIcon className="size-6" />}
          title={copy.title}
          description={copy.description}
          action={
            props.isSelf && props.kind === "following" ? (
              <Link href="/search" className={buttonClassName()}>
                Find people
              </Link>
            ) : null
          }
        />
      }
    />
  );
}
