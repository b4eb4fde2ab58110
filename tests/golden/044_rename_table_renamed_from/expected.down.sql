-- shale:down of 0001_after

ALTER TABLE "public"."accounts" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_pkey" TO "users_pkey";
