ALTER TYPE "mood" ADD VALUE 'meh' BEFORE 'sad';
--> statement-breakpoint
UPDATE "users" SET "mood" = 'meh' WHERE "mood" IS NULL;
--> statement-breakpoint
SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'meh'::"mood";
