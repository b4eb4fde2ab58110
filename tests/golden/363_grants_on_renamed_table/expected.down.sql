-- shale:down of 0001_after

ALTER TABLE "public"."users" RENAME TO "people";
--> statement-breakpoint
ALTER TABLE "public"."people" RENAME CONSTRAINT "users_pkey" TO "people_pkey";
--> statement-breakpoint
REVOKE INSERT ON TABLE "public"."people" FROM "app_rw";
