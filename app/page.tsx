import Link from "next/link";

export default function HomePage() {
  return (
    <section aria-labelledby="welcome" className="space-y-4">
      <h1 id="welcome" className="text-2xl font-bold">
        Welcome to Grover
      </h1>
      <p className="text-stone-600">Follow the creators you love, and support them directly.</p>
      <p>
        <Link href="/search" className="text-brand-700 underline">
          Find people to follow
        </Link>
      </p>
    </section>
  );
}
