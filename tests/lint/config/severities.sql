ALTER TABLE "users" DROP COLUMN "bio";
--> statement-breakpoint
DROP TABLE "sessions";
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" ("email");
