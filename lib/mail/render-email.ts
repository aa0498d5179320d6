import "server-only";
import type { EmailTemplateName } from "./email-templates";
import type { RenderedEmail } from "./templates/layout";
import { passwordResetEmail } from "./templates/password-reset";

const TEMPLATES: Record<EmailTemplateName, (data: Record<string, string>) => RenderedEmail> = {
  "password-reset": passwordResetEmail,
};

/** A requested mail's subject, text and HTML, rendered when it is sent (not when requested). */
export function renderEmail(template: EmailTemplateName, data: Record<string, string>) {
  return TEMPLATES[template](data);
}
