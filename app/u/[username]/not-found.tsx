import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { PeopleIcon } from "@/components/ui/icons";

export default function ProfileNotFound() {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-stone-200 bg-white px-6 py-12 text-center">
      <div
        aria-hidden="true"
        className="mb-4 flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-700"
      >
        <PeopleIcon className="size-7" />
      </div>
      <h1 className="text-xl font-bold text-stone-900">This account doesn&rsquo;t exist</h1>
      <p className="mt-2 max-w-sm text-stone-600">
        The link may be broken, or the person may have changed their username.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link href="/" className={buttonClassName()}>
          Go home
        </Link>
        <Link href="/search" className={buttonClassName({ variant: "secondary" })}>
          Search for people
        </Link>
      </div>
    </div>
  );
}
