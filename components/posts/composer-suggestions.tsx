"use client";

import { useState, type KeyboardEvent } from "react";
import { findComposerToken, insertSuggestion, type TComposerToken } from "@/client/composer-token";
import {
  useComposerSuggestions,
  type TComposerSuggestion,
} from "@/client/hooks/use-composer-suggestions";
import { Avatar } from "@/components/users/avatar";

/**
 * @mention and #hashtag autocomplete for a textarea, as a WAI-ARIA combobox: the textarea is the
 * combobox (aria-expanded, aria-controls, aria-activedescendant) and focus never leaves it; the
 * suggestions are a listbox of options. Arrows move, Enter or Tab picks, Escape closes (until
 * the caret moves to another token). `textareaProps` go on the textarea; `onKeyDown` returns
 * true when it handled the key.
 */
export function useComposerAutocomplete({
  id,
  text,
  onPick,
}: {
  id: string;
  text: string;
  /** The new text and where the caret goes. */
  onPick: (text: string, caret: number) => void;
}) {
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // The token Escape dismissed ("start:query"): the list stays closed until another is typed.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const token = caret === null ? null : findComposerToken(text, caret);
  const tokenId = token ? `${token.start}:${token.query}` : null;
  const { suggestions } = useComposerSuggestions(tokenId && tokenId !== dismissed ? token : null);
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);
  const listboxId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-suggestion-${index}`;

  const trackCaret = (target: HTMLTextAreaElement) => {
    const next = target.selectionStart === target.selectionEnd ? target.selectionStart : null;
    if (next !== caret) {
      setCaret(next);
      setActive(0);
    }
  };

  const pick = (suggestion: TComposerSuggestion) => {
    if (!token) return;
    const next = insertSuggestion(text, token, suggestion.value);
    setCaret(next.caret);
    onPick(next.text, next.caret);
  };

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.ctrlKey || event.metaKey || event.altKey) return false;
    const count = suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        setActive((activeIndex + 1) % count);
        break;
      case "ArrowUp":
        setActive((activeIndex - 1 + count) % count);
        break;
      case "Enter":
      case "Tab":
        if (event.shiftKey) return false;
        pick(suggestions[activeIndex]!);
        break;
      case "Escape":
        setDismissed(tokenId);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  }

  return {
    open,
    onKeyDown,
    textareaProps: {
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": open,
      "aria-controls": listboxId,
      "aria-activedescendant": open ? optionId(activeIndex) : undefined,
      onSelect: (event: { currentTarget: HTMLTextAreaElement }) => trackCaret(event.currentTarget),
      onBlur: () => setCaret(null),
    } as const,
    listbox: (
      <SuggestionList
        id={listboxId}
        optionId={optionId}
        token={open ? token : null}
        suggestions={open ? suggestions : []}
        activeIndex={activeIndex}
        onPick={pick}
        onHover={setActive}
      />
    ),
  };
}

function SuggestionList({
  id,
  optionId,
  token,
  suggestions,
  activeIndex,
  onPick,
  onHover,
}: {
  id: string;
  optionId: (index: number) => string;
  token: TComposerToken | null;
  suggestions: TComposerSuggestion[];
  activeIndex: number;
  onPick: (suggestion: TComposerSuggestion) => void;
  onHover: (index: number) => void;
}) {
  // Always rendered (empty when closed), so aria-controls names an element that exists.
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={token?.kind === "tag" ? "Hashtag suggestions" : "People to mention"}
      hidden={suggestions.length === 0}
      className="absolute inset-x-0 top-full z-40 mt-1 max-h-72 overflow-y-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg"
    >
      {suggestions.map((suggestion, index) => (
        <li
          key={`${suggestion.kind}:${suggestion.value}`}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          // mousedown, not click: the textarea keeps focus (and its caret) while picking.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(suggestion);
          }}
          onMouseMove={() => onHover(index)}
          className="flex min-h-11 cursor-pointer items-center gap-2.5 px-3 py-1.5 text-sm aria-selected:bg-brand-50 aria-selected:text-brand-900"
        >
          {suggestion.kind === "mention" ? (
            <>
              <Avatar
                username={suggestion.user.username}
                displayName={suggestion.user.displayName}
                avatarUrl={suggestion.user.avatarUrl}
                size="sm"
              />
              <span className="min-w-0">
                <span className="block truncate font-semibold">{suggestion.user.displayName}</span>
                <span className="block truncate text-stone-600">@{suggestion.user.username}</span>
              </span>
            </>
          ) : (
            <>
              <span className="min-w-0 flex-1 truncate font-semibold">#{suggestion.tag.tag}</span>
              <span className="shrink-0 text-stone-600">
                {suggestion.tag.uses} {suggestion.tag.uses === 1 ? "post" : "posts"}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
