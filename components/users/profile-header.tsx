"use client";

import Image from "next/image";
import Link from "next/link";
import { useProfile } from "@/client/hooks/use-profile";
import { isOptimizableMediaUrl } from "@/client/media-url";
import { ReportButton } from "@/components/forms/report-dialog";
import { TipLink } from "@/components/posts/tip-link";
import { buttonClassName } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { CalendarIcon, LinkIcon, PinIcon } from "@/components/ui/icons";
import { ProfileHeaderSkeleton } from "@/components/ui/skeleton";
import type { TPublicUser } from "@/lib/users/users.types";
import { Avatar, hashString } from "./avatar";
import { FollowButton } from "./follow-button";
import { SafetyActions } from "./safety-actions";
import { ShareLinkButton } from "./share-link-button";
import { FollowsYouBadge } from "./user-list-item";

// Fixed locale and time zone: the server and the browser must render the same text.
const joinedFormat = new Intl.DateTimeFormat("en", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const countFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(n: number, one: string, many: string) {
  return { value: countFormat.format(n), noun: n === 1 ? one : many };
}

/** The uploaded banner, else a gradient picked from the username. */
export function ProfileBanner({
  username,
  bannerUrl,
}: {
  username: string;
  bannerUrl?: string | null;
}) {
  if (bannerUrl) {
    return (
      <div className="relative h-28 w-full bg-stone-200 sm:h-40">
        <Image
          src={bannerUrl}
          alt=""
          fill
          sizes="(min-width: 672px) 672px, 100vw"
          unoptimized={!isOptimizableMediaUrl(bannerUrl)}
          className="object-cover"
        />
      </div>
    );
  }
  const hue = hashString(username.toLowerCase()) % 360;
  return (
    <div
      aria-hidden="true"
      className="h-28 w-full sm:h-40"
      style={{
        backgroundImage: `linear-gradient(135deg, hsl(${hue} 65% 42%), hsl(${(hue + 50) % 360} 70% 30%))`,
      }}
    />
  );
}

function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

function Stat({ href, value, noun }: { href?: string; value: string; noun: string }) {
  const content = (
    <>
      <span className="font-semibold text-stone-900">{value}</span>{" "}
      <span className="text-stone-600">{noun}</span>
    </>
  );
  if (!href) return <span>{content}</span>;
  return (
    <Link href={href} className="rounded hover:underline">
      {content}
    </Link>
  );
}

function ProfileHeaderView({
  profile,
}: {
  profile: TPublicUser & { avatarUrl?: string | null; bannerUrl?: string | null };
}) {
  const { username, stats } = profile;
  const followers = formatCount(stats.followers, "follower", "followers");
  const following = formatCount(stats.following, "following", "following");
  const posts = formatCount(stats.posts, "post", "posts");
  const website = profile.website && /^https?:\/\//i.test(profile.website) ? profile.website : null;

  return (
    <section
      aria-labelledby="profile-name"
      className="overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm"
    >
      <ProfileBanner username={username} bannerUrl={profile.bannerUrl} />
      <div className="px-4 pb-5 sm:px-6">
        <div className="flex items-end justify-between gap-3">
          <Avatar
            username={username}
            displayName={profile.displayName}
            avatarUrl={profile.avatarUrl}
            size="xl"
            // relative: painted above the banner, which is positioned for its image.
            className="relative -mt-12 border-4 border-white sm:-mt-14"
          />
          <div className="pt-3">
            {profile.viewer?.isSelf ? (
              <div className="flex flex-wrap items-center justify-end gap-2">
                <ShareLinkButton
                  path={`/u/${username}`}
                  title={`${profile.displayName}'s profile`}
                />
                <Link
                  href="/settings/profile"
                  className={buttonClassName({ variant: "secondary" })}
                >
                  Edit profile
                </Link>
              </div>
            ) : (
              <div className="flex flex-col items-end gap-2">
                <div className="flex gap-2">
                  {profile.viewer ? <TipLink username={username} variant="button" /> : null}
                  <FollowButton user={profile} />
                </div>
                <div className="flex flex-wrap items-center justify-end gap-2">
                  <ShareLinkButton
                    path={`/u/${username}`}
                    title={`${profile.displayName}'s profile`}
                  />
                  {profile.viewer ? (
                    <>
                      <SafetyActions user={profile} />
                      <ReportButton targetType="user" targetId={profile.id} />
                    </>
                  ) : null}
                </div>
              </div>
            )}
          </div>
        </div>

        <div className="mt-3">
          <h1 id="profile-name" className="text-2xl font-bold break-words text-stone-900">
            {profile.displayName}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-stone-600">
            <span className="break-all">@{username}</span>
            {profile.viewer?.followsYou ? <FollowsYouBadge /> : null}
          </p>
        </div>

        {profile.bio ? (
          <p className="mt-3 whitespace-pre-line break-words text-stone-800">{profile.bio}</p>
        ) : null}

        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
          {profile.location ? (
            <li className="flex min-w-0 items-center gap-1">
              <PinIcon />
              <span className="sr-only">Location: </span>
              <span className="break-words">{profile.location}</span>
            </li>
          ) : null}
          {website ? (
            <li className="flex min-w-0 items-center gap-1">
              <LinkIcon />
              <span className="sr-only">Website: </span>
              <a
                href={website}
                rel="noopener nofollow ugc"
                className="break-all rounded text-brand-700 underline-offset-2 hover:underline"
              >
                {websiteLabel(website)}
              </a>
            </li>
          ) : null}
          <li className="flex items-center gap-1">
            <CalendarIcon />
            <span>
              Joined{" "}
              <time dateTime={profile.createdAt}>
                {joinedFormat.format(new Date(profile.createdAt))}
              </time>
            </span>
          </li>
        </ul>

        <div className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <nav aria-label="Connections">
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              <li>
                <Stat href={`/u/${username}/followers`} {...followers} />
              </li>
              <li>
                <Stat href={`/u/${username}/following`} {...following} />
              </li>
            </ul>
          </nav>
          <Stat {...posts} />
        </div>
      </div>
    </section>
  );
}

/**
 * A profile's header, live from the query cache: the server page hydrates it, and follows,
 * edits and refetches update it in place.
 */
export function ProfileHeader({ username }: { username: string }) {
  const { data, status, refetch, isRefetching } = useProfile(username);
  if (data) return <ProfileHeaderView profile={data} />;
  if (status === "error") {
    return (
      <ErrorState
        headingLevel="h1"
        title="Couldn't load this profile"
        onRetry={() => void refetch()}
        retrying={isRefetching}
      />
    );
  }
  return <ProfileHeaderSkeleton />;
}
