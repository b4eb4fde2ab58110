ALTER TYPE "mood" ADD VALUE 'meh';
--> statement-breakpoint
UPDATE "users" SET "note" = 'happy' WHERE "mood" = 'sad';
