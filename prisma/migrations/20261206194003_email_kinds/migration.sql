-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "emailKinds" JSONB NOT NULL DEFAULT '{}';
