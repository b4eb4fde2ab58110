-- shale:no-transaction
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'meh';
--> statement-breakpoint
UPDATE "users" SET "mood" = 'meh' WHERE "mood" IS NULL;
