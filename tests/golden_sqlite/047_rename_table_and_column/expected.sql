-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "accounts"
-- hazard: BACKWARD_INCOMPATIBLE renames column "accounts"."email" to "login"

ALTER TABLE "users" RENAME TO "accounts";
--> statement-breakpoint
ALTER TABLE "accounts" RENAME COLUMN "email" TO "login";
