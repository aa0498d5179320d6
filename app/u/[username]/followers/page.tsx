import type { Metadata } from "next";
import { ConnectionsPage, connectionsTitle } from "../connections-page";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await connectionsTitle((await params).username, "followers") };
}

export default async function FollowersPage({ params }: Props) {
  return <ConnectionsPage rawUsername={(await params).username} kind="followers" />;
}
