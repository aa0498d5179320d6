// Button looks shared by buttons and links that act like buttons, so both stay in step.

const VARIANTS = {
  primary:
    "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-stone-400 aria-disabled:bg-stone-400",
  secondary:
    "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-500",
  ghost: "text-stone-700 hover:bg-stone-100 hover:text-stone-900",
} as const;

const SIZES = {
  sm: "min-h-9 px-3 text-sm",
  md: "min-h-11 px-4 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClassName({
  variant = "primary",
  size = "md",
  className = "",
}: { variant?: ButtonVariant; size?: keyof typeof SIZES; className?: string } = {}): string {
  return `inline-flex items-center justify-center gap-2 rounded-full font-semibold transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${SIZES[size]} ${className}`;
}
