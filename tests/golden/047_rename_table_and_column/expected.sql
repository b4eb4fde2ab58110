-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "accounts": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "accounts"."email" to "login": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes

ALTER TABLE "public"."users" RENAME TO "accounts";
--> statement-breakpoint
ALTER TABLE "public"."accounts" RENAME COLUMN "email" TO "login";
--> statement-breakpoint
ALTER TABLE "public"."accounts" RENAME CONSTRAINT "users_pkey" TO "accounts_pkey";
