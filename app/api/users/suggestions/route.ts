import { route } from "@/lib/api/route";
import { ZSuggestionsQuerySchema, ZSuggestionsSchema } from "@/lib/discovery/discovery.types";
import { listSuggestedUsers } from "@/lib/discovery/list-suggested-users";

// GET /api/users/suggestions – who to follow
export const GET = route(
  {
    method: "GET",
    path: "/api/users/suggestions",
    operationId: "listUserSuggestions",
    summary: "Who to follow",
    description:
      "Accounts the people you follow follow, most shared first, then popular accounts. Never you, anyone you follow, block, mute or are blocked by, or a suspended account. Signed out: popular accounts.",
    tags: ["Discovery", "Users"],
    auth: "optional",
    query: ZSuggestionsQuerySchema,
    response: ZSuggestionsSchema,
  },
  async ({ query, viewer }) => ({ items: await listSuggestedUsers(query.limit, viewer?.userId) }),
);
