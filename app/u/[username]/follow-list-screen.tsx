"use client";

import Link from "next/link";
import { buttonClassName } from "@/components/button";
import { EmptyState } from "@/components/empty-state";
import { useFollowList } from "@/components/hooks/use-follow-list";
import { PeopleIcon } from "@/components/icons";
import { UserList } from "@/components/user-list";
import type { FollowListKind } from "@/lib/client/query-keys";

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
