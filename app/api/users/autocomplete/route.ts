import { route } from "@/lib/api/route";
import { autocompleteUsers } from "@/lib/users/autocomplete-users";
import { ZUserAutocompleteQuerySchema, ZMentionCandidatesSchema } from "@/lib/users/users.types";

// GET /api/users/autocomplete?q= – people to @mention, by username or display name prefix
export const GET = route(
  {
    method: "GET",
    path: "/api/users/autocomplete",
    operationId: "autocompleteUsers",
    summary: "Suggest people to mention",
    description:
      "Usernames or display names starting with `q`: the exact username first, then people the viewer follows, then by followers. Hidden and blocked accounts are left out.",
    tags: ["Users"],
    auth: "optional",
    query: ZUserAutocompleteQuerySchema,
    response: ZMentionCandidatesSchema,
  },
  async ({ query, viewer }) => ({
    items: await autocompleteUsers(query.q, query.limit, viewer?.userId),
  }),
);
