// A notification's dedupe key names what it is about, not which event or attempt wrote it, so
// it is written once however often it is reported: a retried step, an event delivered twice,
// or the same thing happening again (like, unlike, like) all land on the same unique key.
export const dedupeKey = {
  welcome: (userId: string) => `welcome:${userId}`,
  newPost: (postId: string, recipientId: string) => `new_post:${postId}:${recipientId}`,
  like: (postId: string, likerId: string) => `like:${postId}:${likerId}`,
  repost: (postId: string, reposterId: string) => `repost:${postId}:${reposterId}`,
  quote: (quotePostId: string) => `quote:${quotePostId}`,
  comment: (commentId: string) => `comment:${commentId}`,
  reply: (commentId: string, recipientId: string) => `reply:${commentId}:${recipientId}`,
  follow: (followerId: string, followingId: string) => `follow:${followerId}:${followingId}`,
  mention: (postId: string, commentId: string | null, userId: string) =>
    `mention:${postId}:${commentId ?? "post"}:${userId}`,
  paymentReceived: (paymentId: string) => `payment_received:${paymentId}`,
  purchaseReceipt: (paymentId: string) => `purchase_receipt:${paymentId}`,
  exportReady: (exportId: string) => `export_ready:${exportId}`,
};
