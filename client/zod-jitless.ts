// zod probes for eval (`new Function("")`) to compile object parsers; the page's CSP forbids eval
// and the probe shows up as a violation. The interpreted parsers are fast enough for forms.
// zod decides when a schema is built, not when it parses: so this is a module of its own,
// imported before anything that builds schemas at load (the live stream's event payloads).
import { z } from "zod";

z.config({ jitless: true });
