-- shale:down of 0001_after

ALTER TABLE "public"."users" ADD COLUMN "active" boolean NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW "public"."states" ("id", "active") AS
SELECT id, active FROM users;
