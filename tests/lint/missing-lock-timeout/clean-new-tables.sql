CREATE TABLE "teams" ("id" bigint PRIMARY KEY);
--> statement-breakpoint
CREATE INDEX "teams_id_idx" ON "teams" ("id");
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "name" text;
