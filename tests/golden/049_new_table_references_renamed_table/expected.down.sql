-- shale:down of 0001_after
-- shale:data-loss: drops table "sessions" and all its rows

DROP TABLE "public"."sessions";
--> statement-breakpoint
ALTER TABLE "public"."accounts" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_pkey" TO "users_pkey";
